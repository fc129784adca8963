using Zero.Games.TicTacToe;
using Zero.Search.Baselines;
using Zero.Search.Evaluation;
using Zero.SelfPlay.Benchmarks;

namespace Zero.SelfPlay.Tests.Benchmarks;

public class TicTacToeAuditTests
{
    private static readonly TicTacToeSolver Solver = new();

    /// <summary>A "network" that knows the answers: logits from the solver's move scores, value from the solver.</summary>
    private sealed class SolverModel : IBatchModel
    {
        private readonly Dictionary<(int, int), TicTacToePosition> _byMasks =
            Solver.ReachablePositions.ToDictionary(p => (p.XMask, p.OMask));

        public string Name => "solver";
        public int InputSize => 27;
        public int PolicySize => 9;
        public bool HasWdl => false;

        public void Evaluate(ReadOnlySpan<float> inputs, int count, Span<float> policyLogits, Span<float> values, Span<float> wdl)
        {
            Span<int> scores = stackalloc int[9];
            for (int i = 0; i < count; i++)
            {
                ReadOnlySpan<float> f = inputs.Slice(i * 27, 27);
                int own = 0, other = 0;
                for (int c = 0; c < 9; c++)
                {
                    own |= f[c] != 0 ? 1 << c : 0;
                    other |= f[9 + c] != 0 ? 1 << c : 0;
                }
                bool xToMove = f[18] != 0;
                TicTacToePosition p = _byMasks[xToMove ? (own, other) : (other, own)];
                Solver.MoveScores(p, scores);
                for (int c = 0; c < 9; c++)
                {
                    policyLogits[i * 9 + c] = scores[c] == TicTacToeSolver.Illegal ? -50 : scores[c];
                }
                values[i] = Math.Sign(Solver.Score(p));
            }
        }
    }

    private sealed class UniformModel : IBatchModel
    {
        public string Name => "uniform";
        public int InputSize => 27;
        public int PolicySize => 9;
        public bool HasWdl => false;

        public void Evaluate(ReadOnlySpan<float> inputs, int count, Span<float> policyLogits, Span<float> values, Span<float> wdl)
        {
            policyLogits[..(count * 9)].Clear();
            values[..count].Clear();
        }
    }

    [Fact]
    public void Run_SolverModel_NoWorseMoveAnywhere()
    {
        TicTacToeAudit audit = TicTacToeAudit.Run(new SolverModel(), playouts: 8, threads: 2, Solver);
        Assert.Equal(4520, audit.Positions);
        Assert.Equal(0, audit.RawWorse);
        Assert.Equal(0, audit.SearchWorse);
    }

    [Fact]
    public void Run_UniformModelFewPlayouts_FindsWorseMoves()
    {
        TicTacToeAudit audit = TicTacToeAudit.Run(new UniformModel(), playouts: 2, threads: 2, Solver);
        Assert.True(audit.RawWorse > 100, $"raw: {audit.RawWorse}");
        Assert.True(audit.SearchWorse > 10, $"search: {audit.SearchWorse}");
        Assert.NotEmpty(audit.SearchExamples);
    }

    [Fact]
    public void IsWorse_KnownPosition_OnlyTheBlunderIsWorse()
    {
        // X: 1, 2; O: 5 — O to move must block at 3; everything else loses.
        Assert.True(TicTacToePosition.TryParsePosition("152", out TicTacToePosition p, out _));
        Assert.False(TicTacToeAudit.IsWorse(Solver, p, 2));
        Assert.True(TicTacToeAudit.IsWorse(Solver, p, 8));
    }
}
