using System.Diagnostics;
using Zero.Games;
using Zero.Games.ConnectFour;
using Zero.Search.Baselines;

namespace Zero.Search.Tests.Baselines;

/// <summary>
/// The exact solver against known facts: the 400 labelled positions of ../shared/data/connect4 (score, the set of
/// optimal columns, and every column's value), finished games, and hand-made positions with a known answer.
/// </summary>
public sealed class ConnectFourSolverTests(SolverFixture fixture) : IClassFixture<SolverFixture>
{
    private readonly ConnectFourSolver _solver = fixture.Solver;

    private static IReadOnlyList<LabelledPosition> Load(string file) => LabelledPosition.ReadFile(RepositoryRoot.Path("data", "connect4", file));

    private static ConnectFourPosition Parse(string moves)
    {
        Assert.True(ConnectFourPosition.TryParsePosition(moves, out ConnectFourPosition p, out string? error), error);
        return p;
    }

    [Fact]
    public void Solve_Ply17To28_AgreesWithScoresAndOptimalColumns()
    {
        var watch = Stopwatch.StartNew();
        IReadOnlyList<LabelledPosition> positions = Load("positions_ply17-28.txt");
        Assert.Equal(400, positions.Count);
        Span<int> columns = stackalloc int[7];
        foreach (LabelledPosition labelled in positions)
        {
            int count = _solver.OptimalColumns(labelled.Position, columns, out int score);
            Assert.True(labelled.Score == score, $"{labelled.Moves}: score {score}, expected {labelled.Score}");
            Assert.True(labelled.OptimalColumns.SequenceEqual(columns[..count].ToArray()),
                $"{labelled.Moves}: optimal {string.Join(',', columns[..count].ToArray())}, expected {string.Join(',', labelled.OptimalColumns)}");
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(120), $"took {watch.Elapsed}: a few seconds is normal (about 1 s of cpu in Release)");
    }

    [Fact]
    public void SolveColumns_Ply17To28_MatchesEveryColumnValue()
    {
        Span<int> values = stackalloc int[7];
        foreach (LabelledPosition labelled in Load("positions_ply17-28.txt"))
        {
            _solver.SolveColumns(labelled.Position, values);
            for (int c = 0; c < 7; c++)
            {
                int? expected = labelled.ColumnValues[c];
                int? actual = values[c] == ConnectFourSolver.Unplayable ? null : values[c];
                Assert.True(expected == actual, $"{labelled.Moves} column {c + 1}: {actual}, expected {expected}");
            }
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Solve_Ply10To16_AgreesWithScoresAndOptimalColumns()
    {
        Span<int> columns = stackalloc int[7];
        foreach (LabelledPosition labelled in Load("positions_ply10-16.txt"))
        {
            int count = _solver.OptimalColumns(labelled.Position, columns, out int score);
            Assert.True(labelled.Score == score, $"{labelled.Moves}: score {score}, expected {labelled.Score}");
            Assert.True(labelled.OptimalColumns.SequenceEqual(columns[..count].ToArray()), $"{labelled.Moves}: optimal columns differ");
        }
    }

    [Theory]
    [InlineData("4455667", -18)] // X completed 4-5-6-7 on the bottom row with its 4th stone: O to move has lost
    [InlineData("1212121", -18)] // X's vertical four in column 1
    public void Solve_FinishedGame_IsTheLossItIs(string moves, int expected)
    {
        ConnectFourPosition p = Parse(moves);
        Assert.Equal(GameResult.Loss, p.Outcome);
        Assert.Equal(expected, _solver.Solve(p));
    }

    [Theory]
    [InlineData("445566", 18)]   // X wins at once in column 3 or 7 with its 4th stone: 22 - 4
    [InlineData("4455661", -17)] // O (to move) can block only one of columns 3 and 7: X wins with its 5th stone
    public void Solve_ShortForcedLines_ScoreTheKnownDistance(string moves, int expected)
    {
        Assert.Equal(expected, _solver.Solve(Parse(moves)));
    }

    [Fact]
    public void SolveColumns_FullColumnAndFinishedGame_AreUnplayable()
    {
        Span<int> values = stackalloc int[7];
        _solver.SolveColumns(Parse("441145675554661512672165"), values); // column 5 full (a labelled line: -1 6 7 0 x -1 -1)
        Assert.Equal([-1, 6, 7, 0, ConnectFourSolver.Unplayable, -1, -1], values.ToArray());

        _solver.SolveColumns(Parse("4455667"), values);
        Assert.All(values.ToArray(), v => Assert.Equal(ConnectFourSolver.Unplayable, v));
    }

    [Fact]
    public void Solve_Cancelled_Throws()
    {
        var solver = new ConnectFourSolver(tableBits: 16, heuristicTableBits: 10);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => solver.Solve(ConnectFourPosition.Initial, cancelled.Token));
    }
}
