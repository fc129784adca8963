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

    /// <summary>
    /// Runs the inputs on a worker thread while this thread watches the clock: an input still running after
    /// <see cref="Bound"/> is a hang finding, its worker is abandoned and a new one goes on from the next input. (One
    /// worker for all inputs, not a task per input: the suite's 136,000 inputs then cost what the parsers cost.)
    /// </summary>
    public FuzzReport Run(int count, ulong seed)
    {
        T[] samples = Gen.Sample(inputs, count, new Rnd(seed), 40);
        var findings = new List<string>();
        var watch = Stopwatch.StartNew();
        int next = 0;
        while (next < samples.Length && findings.Count < 20)
        {
            var progress = new Progress();
            int first = next;
            var worker = new Thread(() =>
            {
                for (int i = first; i < samples.Length; i++)
                {
                    Volatile.Write(ref progress.Index, i);
                    Volatile.Write(ref progress.Started, Stopwatch.GetTimestamp());
                    try
                    {
                        check(samples[i]);
                    }
                    catch (Exception e)
                    {
                        lock (findings)
                        {
                            findings.Add($"{e.GetType().Name}: {e.Message} on {Describe(samples[i])}");
                            if (findings.Count >= 20)
                            {
                                break;
                            }
                        }
                    }
                }
                Volatile.Write(ref progress.Index, samples.Length);
            }) { IsBackground = true, Name = "fuzz " + name };
            worker.Start();
            while (!worker.Join(50))
            {
                int index = Volatile.Read(ref progress.Index);
                if (index < samples.Length && Stopwatch.GetElapsedTime(Volatile.Read(ref progress.Started)) > Bound && Volatile.Read(ref progress.Index) == index)
                {
                    lock (findings)
                    {
                        findings.Add($"hang (over {Bound.TotalSeconds:0.#} s) on {Describe(samples[index])}");
                    }
                    next = index + 1; // abandon this worker (a background thread) and go on after the input
                    break;
                }
            }
            if (!worker.IsAlive)
            {
                next = samples.Length;
            }
        }
        return new FuzzReport(name, samples.Length, findings, watch.Elapsed);
    }

    private sealed class Progress
    {
        public int Index;
        public long Started = Stopwatch.GetTimestamp();
    }

    private static string Describe(T input) => input switch
    {
        string s => "\"" + (s.Length > 200 ? s[..200] + "…" : s).Replace("\n", "\\n", StringComparison.Ordinal) + "\"",
        byte[] b => $"{b.Length} bytes",
        string[] lines => $"[{string.Join(" | ", lines.Take(8))}{(lines.Length > 8 ? " …" : "")}]",
        _ => input?.ToString() ?? "null",
    };
}
