using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;

namespace Zero.Fuzz.Tests;

/// <summary>
/// One parser of outside input under fuzzing: a generator of hostile inputs (mostly mutations of valid ones, which
/// reach deep into the parser, and some pure noise) and a check that must hold for each — the parser returns or
/// throws only the exception it documents, within <see cref="Bound"/>. <see cref="FuzzTargets"/> lists them all;
/// the fast property tests draw a few hundred inputs each, the Slow suite (FuzzSuiteTests) draws
/// <see cref="SlowInputs"/> each, at least 100,000 in all. Go's SGF and GTP parsers join as two more targets.
/// </summary>
public sealed class FuzzTarget<T>(string name, int slowInputs, Gen<T> inputs, Action<T> check, TimeSpan? bound = null) : IFuzzTarget
{
    public string Name => name;

    public int SlowInputs => slowInputs;

    /// <summary>How long one input may take before it counts as a hang.</summary>
    public TimeSpan Bound { get; } = bound ?? TimeSpan.FromSeconds(5);

    public Gen<T> Inputs => inputs;

    /// <summary>The FsCheck property for the fast suite: the check holds for every generated input.</summary>
    public Property Property() => Prop.ForAll(inputs.ToArbitrary(), input => check(input));

    public FuzzReport Run(int count, ulong seed)
    {
        T[] samples = Gen.Sample(inputs, 40, new Rnd(seed), count);
        var findings = new List<string>();
        var watch = Stopwatch.StartNew();
        foreach (T input in samples)
        {
            Task task = Task.Run(() => check(input));
            try
            {
                if (!task.Wait(Bound))
                {
                    findings.Add($"hang (over {Bound.TotalSeconds:0.#} s) on {Describe(input)}");
                }
            }
            catch (AggregateException e)
            {
                Exception inner = e.InnerException ?? e;
                findings.Add($"{inner.GetType().Name}: {inner.Message} on {Describe(input)}");
            }
            if (findings.Count >= 20)
            {
                break;
            }
        }
        return new FuzzReport(name, samples.Length, findings, watch.Elapsed);
    }

    private static string Describe(T input) => input switch
    {
        string s => "\"" + (s.Length > 200 ? s[..200] + "…" : s).Replace("\n", "\\n", StringComparison.Ordinal) + "\"",
        byte[] b => $"{b.Length} bytes",
        string[] lines => $"[{string.Join(" | ", lines.Take(8))}{(lines.Length > 8 ? " …" : "")}]",
        _ => input?.ToString() ?? "null",
    };
}
