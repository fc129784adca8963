using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Zero.Fuzz.Tests;

/// <summary>
/// The Slow fuzz suite CI runs (.ci/run, step "fuzz"): every target of <see cref="FuzzTargets"/> over its share of
/// more than 100,000 generated inputs with a fixed seed (ZERO_FUZZ_SEED picks another; ZERO_FUZZ_ONLY=NAME runs the
/// targets whose name contains NAME), each input bounded in time.
/// Prints one line per target and a total — inputs, crashes and hangs — and fails on any finding, listing them.
/// </summary>
public sealed class FuzzSuiteTests(ITestOutputHelper log)
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Fuzz_EveryParser_NoCrashesNoHangs()
    {
        ulong seed = ulong.TryParse(Environment.GetEnvironmentVariable("ZERO_FUZZ_SEED"), CultureInfo.InvariantCulture, out ulong s) ? s : 20261208;
        var report = new StringBuilder();
        int inputs = 0, targets = 0;
        var findings = new List<string>();
        string? only = Environment.GetEnvironmentVariable("ZERO_FUZZ_ONLY"); // e.g. "RL model": one target while fixing it
        foreach (IFuzzTarget target in FuzzTargets.All.Where(t => only is null || t.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            FuzzReport r = target.Run(target.SlowInputs, seed);
            targets++;
            inputs += r.Inputs;
            findings.AddRange(r.Findings.Select(f => $"{r.Target}: {f}"));
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"fuzz: {r.Target,-40} {r.Inputs,7:N0} inputs  {r.Findings.Count} findings  {r.Elapsed.TotalSeconds,6:F1} s"));
        }
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzz: total {inputs:N0} inputs over {targets} parsers, seed {seed}: {findings.Count} findings (crashes or hangs)"));
        foreach (string f in findings)
        {
            report.AppendLine("fuzz finding: " + f);
        }
        log.WriteLine(report.ToString());
        string? file = Environment.GetEnvironmentVariable("ZERO_FUZZ_REPORT");
        if (!string.IsNullOrEmpty(file))
        {
            File.WriteAllText(file, report.ToString());
        }
        Assert.True(only is not null || inputs >= 100_000, $"only {inputs} inputs");
        Assert.True(findings.Count == 0, report.ToString());
    }
}
