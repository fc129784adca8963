using Zero.Search.Evaluation;

namespace Zero.Search.Tests.Fakes;

/// <summary>
/// A raw model whose outputs are simple functions of each position's inputs, so a test can tell whether every caller
/// got its own results back: value = tanh(Σ inputs / InputSize), logit[a] = inputs[a mod InputSize] + a. Counts calls,
/// and can be told to throw or to be slow.
/// </summary>
internal sealed class FakeModel(int inputSize, int policySize, bool hasWdl = false) : IBatchModel
{
    private int _calls;
    private int _active;

    public string Name => "fake";
    public int InputSize => inputSize;
    public int PolicySize => policySize;
    public bool HasWdl => hasWdl;
    public int Calls => Volatile.Read(ref _calls);
    public int MaxBatchSeen { get; private set; }
    public bool Throw { get; set; }
    public TimeSpan Delay { get; set; }

    /// <summary>True if two threads were ever inside Evaluate at once.</summary>
    public bool Overlapped { get; private set; }

    public void Evaluate(ReadOnlySpan<float> inputs, int count, Span<float> policyLogits, Span<float> values, Span<float> wdl)
    {
        if (Interlocked.Increment(ref _active) > 1)
        {
            Overlapped = true;
        }
        try
        {
            Interlocked.Increment(ref _calls);
            MaxBatchSeen = Math.Max(MaxBatchSeen, count);
            if (Throw)
            {
                throw new InvalidOperationException("fake model failure");
            }
            if (Delay > TimeSpan.Zero)
            {
                Thread.Sleep(Delay);
            }
            for (int i = 0; i < count; i++)
            {
                ReadOnlySpan<float> x = inputs.Slice(i * inputSize, inputSize);
                Expected(x, policyLogits.Slice(i * policySize, policySize), out values[i]);
                if (hasWdl)
                {
                    float v = values[i];
                    wdl[3 * i] = (1 + v) / 4;
                    wdl[3 * i + 1] = 0.5f;
                    wdl[3 * i + 2] = (1 - v) / 4;
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }

    /// <summary>The outputs this model gives one position.</summary>
    public void Expected(ReadOnlySpan<float> x, Span<float> logits, out float value)
    {
        float sum = 0;
        foreach (float f in x)
        {
            sum += f;
        }
        value = MathF.Tanh(sum / inputSize);
        for (int a = 0; a < policySize; a++)
        {
            logits[a] = x[a % inputSize] + a;
        }
    }
}
