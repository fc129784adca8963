using System.Globalization;

namespace Zero.Cli.Commands;

/// <summary>
/// The training progress bar of `zero rl train`: one line rewritten in place on a terminal (steps, steps/s, recent
/// mean return), or a plain line every 10% when the error stream is redirected (logs, CI).
/// </summary>
internal sealed class ProgressLine(TextWriter writer)
{
    private readonly bool _interactive = !Console.IsErrorRedirected && ReferenceEquals(writer, Console.Error);
    private int _lastDecile = -1;
    private long _lastDraw;

    public void Update(Zero.Rl.Training.TrainingProgress p)
    {
        double fraction = Math.Min(1, (double)p.Steps / Math.Max(1, p.TotalSteps));
        string ret = double.IsNaN(p.RecentMeanReturn) ? "—" : p.RecentMeanReturn.ToString("F1", CultureInfo.InvariantCulture);
        string text = string.Create(CultureInfo.InvariantCulture, $"{p.Steps,10:N0}/{p.TotalSteps:N0} steps  {p.StepsPerSecond,8:N0} steps/s  {p.Episodes,6:N0} episodes  mean return {ret}");
        if (_interactive)
        {
            if (Environment.TickCount64 - _lastDraw < 100 && fraction < 1)
            {
                return;
            }
            _lastDraw = Environment.TickCount64;
            int filled = (int)(fraction * 30);
            writer.Write($"\r[{new string('#', filled)}{new string('.', 30 - filled)}] {text}   ");
            return;
        }
        int decile = (int)(fraction * 10);
        if (decile > _lastDecile)
        {
            _lastDecile = decile;
            writer.WriteLine(text);
        }
    }

    public void Finish()
    {
        if (_interactive)
        {
            writer.WriteLine();
        }
    }
}
