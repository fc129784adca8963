using Zero.Search.Baselines;

namespace Zero.Search.Tests.Baselines;

/// <summary>One solver (64 MiB of tables) shared by the tests of a class; xunit runs a class's tests one at a time.</summary>
public sealed class SolverFixture
{
    public ConnectFourSolver Solver { get; } = new();
}
