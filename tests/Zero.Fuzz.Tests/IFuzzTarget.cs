namespace Zero.Fuzz.Tests;

/// <summary>A fuzz target seen without its input type, so the Slow suite can run them all in one loop.</summary>
public interface IFuzzTarget
{
    string Name { get; }

    int SlowInputs { get; }

    /// <summary>Runs <paramref name="count"/> inputs drawn from <paramref name="seed"/>; each crash or hang is a finding.</summary>
    FuzzReport Run(int count, ulong seed);
}
