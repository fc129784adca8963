using Zero.Games;
using Zero.Games.TicTacToe;
using Zero.Search.Baselines;

namespace Zero.Search.Tests.Baselines;

/// <summary>The tic-tac-toe solver and the perfect player against the known facts of the game.</summary>
public sealed class TicTacToeSolverTests
{
    private static readonly TicTacToeSolver Solver = new();

    private static TicTacToePosition Parse(string moves)
    {
        Assert.True(TicTacToePosition.TryParsePosition(moves, out TicTacToePosition p, out string? error), error);
        return p;
    }

    [Fact]
    public void ReachablePositions_Count_Is5478()
    {
        Assert.Equal(5478, Solver.ReachablePositions.Count);
        Assert.Equal(5478, Solver.ReachablePositions.Distinct().Count());
    }

    [Fact]
    public void Score_Initial_IsADraw()
    {
        Assert.Equal(GameResult.Draw, Solver.Result(TicTacToePosition.Initial));
    }

    [Fact]
    public void MoveScores_AfterCornerOpening_OnlyTheCentreDraws()
    {
        Span<int> scores = stackalloc int[9];
        Solver.MoveScores(Parse("1"), scores);
        Assert.Equal(TicTacToeSolver.Illegal, scores[0]);
        for (int cell = 1; cell < 9; cell++)
        {
            Assert.True(cell == 4 ? scores[cell] == 0 : scores[cell] < 0, $"cell {cell + 1}: {scores[cell]}");
        }
    }

    [Fact]
    public void MoveScores_AfterCentreOpening_CornersDrawAndEdgesLose()
    {
        Span<int> scores = stackalloc int[9];
        Solver.MoveScores(Parse("5"), scores);
        foreach (int corner in new[] { 0, 2, 6, 8 })
        {
            Assert.Equal(0, scores[corner]);
        }
        foreach (int edge in new[] { 1, 3, 5, 7 })
        {
            Assert.True(scores[edge] < 0, $"edge {edge + 1}: {scores[edge]}");
        }
    }

    [Fact]
    public void Score_FasterWinScoresHigher()
    {
        // X (to move) has 1-2 and can win at once on 3 (game ends at ply 5: 10 - 5).
        Assert.Equal(5, Solver.Score(Parse("1425")));
        Span<int> scores = stackalloc int[9];
        Solver.MoveScores(Parse("1425"), scores);
        Assert.Equal(5, scores[2]);
        Assert.True(scores[6] < 5, "the immediate win must score above slower ones");
    }

    [Fact]
    public void Score_UnreachablePosition_ThrowsWithAClearMessage()
    {
        // X has already won with 1-2-3; Play does not check, so O "plays" 6 afterwards: no legal game gets here.
        TicTacToePosition unreachable = Parse("14253").Play(new TicTacToeMove(5));
        var e = Assert.Throws<ArgumentException>(() => Solver.Score(unreachable));
        Assert.Contains("cannot arise", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PerfectPlayer_FromEveryReachablePosition_PicksAMaximalScore()
    {
        var player = new PerfectTicTacToePlayer(new Random(1), Solver);
        Span<int> scores = stackalloc int[9];
        foreach (TicTacToePosition p in Solver.ReachablePositions)
        {
            if (p.Outcome is not null)
            {
                continue;
            }
            Solver.MoveScores(p, scores);
            int best = int.MinValue;
            foreach (int s in scores)
            {
                best = Math.Max(best, s);
            }
            TicTacToeMove move = player.ChooseMove(p);
            Assert.Equal(best, scores[move.Cell]);
            Assert.Equal(Solver.Score(p), best);
        }
    }

    [Fact]
    public void PerfectPlayer_AgainstRandom_NeverLoses()
    {
        var perfect = new PerfectTicTacToePlayer(new Random(2), Solver);
        var random = new RandomPlayer<TicTacToePosition, TicTacToeMove>(new Random(3));
        int wins = 0;
        for (int game = 0; game < 400; game++)
        {
            GameResult result = game % 2 == 0 ? Match.Play(perfect, random) : Match.Play(random, perfect).Flip();
            Assert.NotEqual(GameResult.Loss, result);
            wins += result == GameResult.Win ? 1 : 0;
        }
        Assert.True(wins > 300, $"perfect play should beat random play most of the time, won {wins}/400");
    }

    [Fact]
    public void PerfectPlayer_AgainstItself_AlwaysDraws()
    {
        var a = new PerfectTicTacToePlayer(new Random(4), Solver);
        var b = new PerfectTicTacToePlayer(new Random(5), Solver);
        var openings = new HashSet<int>();
        for (int game = 0; game < 200; game++)
        {
            Assert.Equal(GameResult.Draw, Match.Play(a, b));
            openings.Add(a.ChooseMove(TicTacToePosition.Initial).Cell);
        }
        Assert.True(openings.Count == 9, "every first move draws, so the random tie-break should use them all");
    }

    [Fact]
    public void RandomPlayer_SameSeed_SameMoves()
    {
        var a = new RandomPlayer<TicTacToePosition, TicTacToeMove>(new Random(7));
        var b = new RandomPlayer<TicTacToePosition, TicTacToeMove>(new Random(7));
        var seen = new HashSet<byte>();
        for (int i = 0; i < 100; i++)
        {
            TicTacToeMove move = a.ChooseMove(TicTacToePosition.Initial);
            Assert.Equal(move, b.ChooseMove(TicTacToePosition.Initial));
            seen.Add(move.Cell);
        }
        Assert.Equal(9, seen.Count);
    }

    [Fact]
    public void Players_GameOver_Throw()
    {
        TicTacToePosition won = Parse("14253");
        Assert.Throws<ArgumentException>(() => new PerfectTicTacToePlayer(new Random(1), Solver).ChooseMove(won));
        Assert.Throws<ArgumentException>(() => new RandomPlayer<TicTacToePosition, TicTacToeMove>(new Random(1)).ChooseMove(won));
    }
}
