namespace Zero.Rl.Vector;

/// <summary>
/// Gymnasium's <c>RecordEpisodeStatistics</c> for a vector environment: the running return and length of every
/// sub-environment, which episodes finished on the last step (with their return and length), totals, and a window
/// of the most recent episodes for the progress bar's "recent mean return". The returns are the raw rewards of the
/// environment, before any reward normalisation. Updated by <see cref="VectorEnvironment"/> without allocating.
/// </summary>
public sealed class EpisodeStatistics
{
    private readonly double[] _runningReturn;
    private readonly int[] _runningLength;
    private readonly bool[] _finished;
    private readonly double[] _finishedReturn;
    private readonly int[] _finishedLength;
    private readonly double[] _windowReturn;
    private readonly int[] _windowLength;
    private int _windowCount;
    private int _windowNext;

    /// <summary>Creates statistics for <paramref name="count"/> environments and a window of <paramref name="window"/> episodes.</summary>
    public EpisodeStatistics(int count, int window = 100)
    {
        _runningReturn = new double[count];
        _runningLength = new int[count];
        _finished = new bool[count];
        _finishedReturn = new double[count];
        _finishedLength = new int[count];
        _windowReturn = new double[window];
        _windowLength = new int[window];
    }

    /// <summary>Per environment: true when its episode finished on the last step.</summary>
    public ReadOnlySpan<bool> Finished => _finished;

    /// <summary>Per environment: the return of the episode that finished on the last step.</summary>
    public ReadOnlySpan<double> FinishedReturns => _finishedReturn;

    /// <summary>Per environment: the length of the episode that finished on the last step.</summary>
    public ReadOnlySpan<int> FinishedLengths => _finishedLength;

    /// <summary>Episodes finished since the start.</summary>
    public long EpisodeCount { get; private set; }

    /// <summary>Environment steps since the start (summed over sub-environments).</summary>
    public long TotalSteps { get; private set; }

    /// <summary>Mean return of the last episodes in the window (NaN before the first one ends).</summary>
    public double RecentMeanReturn => _windowCount == 0 ? double.NaN : Mean(_windowReturn.AsSpan(0, _windowCount));

    /// <summary>Mean length of the last episodes in the window (NaN before the first one ends).</summary>
    public double RecentMeanLength
    {
        get
        {
            if (_windowCount == 0)
            {
                return double.NaN;
            }
            double s = 0;
            for (int i = 0; i < _windowCount; i++)
            {
                s += _windowLength[i];
            }
            return s / _windowCount;
        }
    }

    private static double Mean(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x)
        {
            s += v;
        }
        return s / x.Length;
    }

    /// <summary>Clears the per-step flags; called at the start of every vector step.</summary>
    public void BeginStep() => Array.Clear(_finished);

    /// <summary>Forgets the running episodes (after a full reset); totals and window stay.</summary>
    public void ResetRunning()
    {
        Array.Clear(_runningReturn);
        Array.Clear(_runningLength);
        Array.Clear(_finished);
    }

    /// <summary>Adds one step of environment <paramref name="env"/>; when <paramref name="done"/>, closes its episode.</summary>
    public void Record(int env, double reward, bool done)
    {
        _runningReturn[env] += reward;
        _runningLength[env]++;
        TotalSteps++;
        if (!done)
        {
            return;
        }
        _finished[env] = true;
        _finishedReturn[env] = _runningReturn[env];
        _finishedLength[env] = _runningLength[env];
        _windowReturn[_windowNext] = _runningReturn[env];
        _windowLength[_windowNext] = _runningLength[env];
        _windowNext = (_windowNext + 1) % _windowReturn.Length;
        _windowCount = Math.Min(_windowCount + 1, _windowReturn.Length);
        EpisodeCount++;
        _runningReturn[env] = 0;
        _runningLength[env] = 0;
    }
}
