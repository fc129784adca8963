namespace Zero.Fuzz.Tests;

/// <summary>What one target's run found: how many inputs, which crashed or hung (empty is the goal), and how long it took.</summary>
public sealed record FuzzReport(string Target, int Inputs, IReadOnlyList<string> Findings, TimeSpan Elapsed);
