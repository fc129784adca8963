using Zero.Games.Go;

namespace Zero.Games.Tests.Go;

/// <summary>
/// Property test: seeded random legal games (captures, kos, suicide under Tromp–Taylor) never corrupt the
/// incremental strings, liberties, hashes and empty list — each checked after every move against a slow
/// flood-fill reference.
/// </summary>
public sealed class GoBoardConsistencyTests
{
    [Theory]
    [InlineData(2, false, 1)]
    [InlineData(3, true, 2)]
    [InlineData(5, false, 3)]
    [InlineData(5, true, 4)]
    [InlineData(9, false, 5)]
    [InlineData(9, true, 6)]
    [InlineData(13, false, 7)]
    [InlineData(19, true, 8)]
    public void RandomGames_KeepStringsAndLibertiesConsistent(int size, bool suicide, int seed)
    {
        var rng = new Random(seed);
        int games = size <= 9 ? 30 : 4;
        for (int g = 0; g < games; g++)
        {
            var board = new GoBoard(size);
            for (int ply = 0; ply < size * size * 3; ply++)
            {
                var legal = new List<int>();
                foreach (short p in board.Empties)
                {
                    if (board.IsLegal(p, board.ToMove, suicide))
                    {
                        legal.Add(p);
                    }
                }
                // pass now and then so kos and two-pass ends are exercised too
                if (legal.Count == 0 || rng.Next(20) == 0)
                {
                    board.Pass();
                }
                else
                {
                    int move = legal[rng.Next(legal.Count)];
                    ulong predicted = board.StoneHashAfter(move, board.ToMove, out int stonesAfter);
                    board.Play(move, board.ToMove);
                    Assert.Equal(predicted, board.StoneHash);
                    Assert.Equal(stonesAfter, board.BlackStones + board.WhiteStones);
                }
                CheckAgainstFloodFill(board);
            }
        }
    }

    [Fact]
    public void RandomGames_ThroughPositions_MatchBoardSuperkoAndCounts()
    {
        var rng = new Random(11);
        var moves = new GoMove[GoPosition<Go9>.MaxMoves];
        for (int g = 0; g < 10; g++)
        {
            GoPosition<Go9> p = GoPosition<Go9>.Initial;
            var seen = new HashSet<(ulong, int)> { (p.Board.StoneHash, p.Board.BlackStones + p.Board.WhiteStones) };
            while (p.Outcome is null)
            {
                int n = p.GenerateMoves(moves);
                GoMove m = moves[rng.Next(n)];
                p = p.Play(m);
                CheckAgainstFloodFill(p.Board);
                if (m.IsPoint)
                {
                    // positional superko: a stone move never recreates an earlier colouring
                    Assert.True(seen.Add((p.Board.StoneHash, p.Board.BlackStones + p.Board.WhiteStones)));
                }
                else
                {
                    seen.Add((p.Board.StoneHash, p.Board.BlackStones + p.Board.WhiteStones));
                }
            }
        }
    }

    /// <summary>Recomputes every string by flood fill and compares it with the board's incremental state.</summary>
    internal static void CheckAgainstFloodFill(GoBoard board)
    {
        int s = board.Stride;
        var seen = new bool[board.PointCount];
        ulong stoneHash = 0;
        int black = 0, white = 0;
        var empties = new HashSet<int>();
        for (int p = 0; p < board.PointCount; p++)
        {
            GoColor c = board[p];
            if (c == GoColor.Empty)
            {
                empties.Add(p);
                continue;
            }
            if (c == GoColor.Edge || seen[p])
            {
                continue;
            }
            // flood fill the string of p
            var stones = new List<int>();
            var stack = new Stack<int>();
            stack.Push(p);
            seen[p] = true;
            while (stack.Count > 0)
            {
                int q = stack.Pop();
                stones.Add(q);
                foreach (int nb in new[] { q - s, q - 1, q + 1, q + s })
                {
                    if (board[nb] == c && !seen[nb])
                    {
                        seen[nb] = true;
                        stack.Push(nb);
                    }
                }
            }
            int pseudo = 0;
            var libs = new HashSet<int>();
            ulong chainHash = 0;
            foreach (int q in stones)
            {
                chainHash ^= GoBoard.Key(q, c);
                foreach (int nb in new[] { q - s, q - 1, q + 1, q + s })
                {
                    if (board[nb] == GoColor.Empty)
                    {
                        pseudo++;
                        libs.Add(nb);
                    }
                }
            }
            int rep = board.ChainOf(p);
            Assert.All(stones, q => Assert.Equal(rep, board.ChainOf(q)));
            Assert.Equal(stones.Count, board.ChainSize(p));
            Assert.Equal(pseudo, board.PseudoLiberties(p));
            Assert.Equal(libs.Count, board.Liberties(p));
            Assert.NotEmpty(libs);
            Assert.Equal(chainHash, board.ChainHash(p));
            // the circular list visits exactly the string
            var walked = new HashSet<int>();
            int r = p;
            do
            {
                Assert.True(walked.Add(r));
                r = board.NextInChain(r);
            }
            while (r != p);
            Assert.Equal(stones.ToHashSet(), walked);
            stoneHash ^= chainHash;
            if (c == GoColor.Black) black += stones.Count; else white += stones.Count;
        }
        Assert.Equal(stoneHash, board.StoneHash);
        Assert.Equal(black, board.BlackStones);
        Assert.Equal(white, board.WhiteStones);
        Assert.Equal(empties, board.Empties.ToArray().Select(e => (int)e).ToHashSet());
        Assert.Equal(empties.Count, board.EmptyCount);
        for (int i = 0; i < board.EmptyCount; i++)
        {
            Assert.Equal(i, board.EmptyIndex(board.Empties[i]));
        }
    }
}
