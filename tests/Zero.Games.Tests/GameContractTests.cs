using Zero.Games;

namespace Zero.Games.Tests;

/// <summary>
/// The contract every game must pass. A game's test class derives from this with its own types; the checks walk
/// seeded random games and test, at every position on the way: moves exist unless the game is over, Play never
/// mutates, ActionIndex is injective and in range, symmetries commute with play, hashes agree with positions,
/// notation round-trips, and features are well-formed.
/// </summary>
public abstract class GameContractTests<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    /// <summary>How many random games the checks walk.</summary>
    protected virtual int RandomGames => 200;

    /// <summary>A cap on plies per random game (long games such as chess stop there).</summary>
    protected virtual int MaxPlies => 400;

    /// <summary>Every position visited by the seeded random games, including the terminal ones.</summary>
    protected IEnumerable<TGame> RandomPositions(int seed = 12345)
    {
        var rng = new Random(seed);
        var moves = new TMove[TGame.MaxMoves];
        for (int g = 0; g < RandomGames; g++)
        {
            TGame position = TGame.Initial;
            yield return position;
            for (int ply = 0; ply < MaxPlies; ply++)
            {
                int n = position.GenerateMoves(moves);
                if (n == 0)
                {
                    break;
                }
                position = position.Play(moves[rng.Next(n)]);
                yield return position;
            }
        }
    }

    private static float[] Features(TGame position)
    {
        var f = new float[TGame.InputShape.Size];
        position.WriteFeatures(f);
        return f;
    }

    [Fact]
    public void StaticShape_IsConsistent()
    {
        Assert.False(string.IsNullOrWhiteSpace(TGame.Name));
        Assert.True(TGame.ActionCount > 0);
        Assert.True(TGame.MaxMoves > 0);
        Assert.True(TGame.InputShape.Size > 0);
        Assert.True(TGame.SymmetryCount >= 1);
        Assert.Null(TGame.Initial.Outcome);
        Assert.Equal(0, TGame.Initial.SideToMove);
    }

    [Fact]
    public void GenerateMoves_MovesExistExactlyWhileGameRuns()
    {
        var moves = new TMove[TGame.MaxMoves];
        foreach (TGame p in RandomPositions())
        {
            int n = p.GenerateMoves(moves);
            Assert.True(n <= TGame.MaxMoves);
            Assert.Equal(p.Outcome is null, n > 0);
        }
    }

    [Fact]
    public void RandomGames_EndWithinTheCapForSmallGames()
    {
        if (MaxPlies < 400)
        {
            return; // games capped by MaxPlies (chess) are not expected to finish
        }
        var moves = new TMove[TGame.MaxMoves];
        var rng = new Random(7);
        for (int g = 0; g < 50; g++)
        {
            TGame p = TGame.Initial;
            int ply = 0;
            while (p.Outcome is null)
            {
                int n = p.GenerateMoves(moves);
                p = p.Play(moves[rng.Next(n)]);
                Assert.True(++ply < 10_000, "a random game did not end");
            }
        }
    }

    [Fact]
    public void Play_NeverMutatesThePosition()
    {
        var moves = new TMove[TGame.MaxMoves];
        foreach (TGame p in RandomPositions().Take(2000))
        {
            ulong hash = p.Hash;
            string text = p.FormatPosition();
            float[] features = Features(p);
            int n = p.GenerateMoves(moves);
            for (int i = 0; i < n; i++)
            {
                TGame next = p.Play(moves[i]);
                Assert.Equal(p.Ply + 1, next.Ply);
                Assert.Equal(1 - p.SideToMove, next.SideToMove);
            }
            Assert.Equal(hash, p.Hash);
            Assert.Equal(text, p.FormatPosition());
            Assert.Equal(features, Features(p));
        }
    }

    [Fact]
    public void ActionIndex_IsInRangeAndInjective()
    {
        var moves = new TMove[TGame.MaxMoves];
        foreach (TGame p in RandomPositions())
        {
            int n = p.GenerateMoves(moves);
            var seen = new HashSet<int>();
            for (int i = 0; i < n; i++)
            {
                int a = p.ActionIndex(moves[i]);
                Assert.InRange(a, 0, TGame.ActionCount - 1);
                Assert.True(seen.Add(a), $"two moves share action {a} in {p.FormatPosition()}");
            }
        }
    }

    [Fact]
    public void TransformAction_IsAPermutationAndIdentityForZero()
    {
        for (int s = 0; s < TGame.SymmetryCount; s++)
        {
            var seen = new HashSet<int>();
            for (int a = 0; a < TGame.ActionCount; a++)
            {
                int t = TGame.TransformAction(a, s);
                Assert.InRange(t, 0, TGame.ActionCount - 1);
                Assert.True(seen.Add(t));
                if (s == 0)
                {
                    Assert.Equal(a, t);
                }
            }
        }
    }

    [Fact]
    public void Symmetries_PreserveLegalityAndCommuteWithPlay()
    {
        var moves = new TMove[TGame.MaxMoves];
        var symMoves = new TMove[TGame.MaxMoves];
        foreach (TGame p in RandomPositions().Take(3000))
        {
            int n = p.GenerateMoves(moves);
            for (int s = 0; s < TGame.SymmetryCount; s++)
            {
                TGame q = p.ApplySymmetry(s);
                Assert.Equal(p.Ply, q.Ply);
                Assert.Equal(p.SideToMove, q.SideToMove);
                Assert.Equal(p.Outcome, q.Outcome);
                int m = q.GenerateMoves(symMoves);
                Assert.Equal(n, m);
                var expected = new HashSet<int>();
                for (int i = 0; i < n; i++) expected.Add(TGame.TransformAction(p.ActionIndex(moves[i]), s));
                var actual = new HashSet<int>();
                for (int i = 0; i < m; i++) actual.Add(q.ActionIndex(symMoves[i]));
                Assert.Equal(expected, actual);
                for (int i = 0; i < n; i++)
                {
                    int action = TGame.TransformAction(p.ActionIndex(moves[i]), s);
                    TMove symMove = default;
                    for (int j = 0; j < m; j++) if (q.ActionIndex(symMoves[j]) == action) symMove = symMoves[j];
                    Assert.Equal(p.Play(moves[i]).ApplySymmetry(s).Hash, q.Play(symMove).Hash);
                }
            }
            Assert.Equal(p.Hash, p.ApplySymmetry(0).Hash);
        }
    }

    [Fact]
    public void Hash_AgreesWithPositionText()
    {
        var byText = new Dictionary<string, ulong>();
        var byHash = new Dictionary<ulong, string>();
        foreach (TGame p in RandomPositions())
        {
            string text = Canonical(p);
            if (byText.TryGetValue(text, out ulong h))
            {
                Assert.Equal(h, p.Hash);
            }
            else
            {
                byText[text] = p.Hash;
            }
            if (byHash.TryGetValue(p.Hash, out string? other))
            {
                Assert.Equal(other, text);
            }
            else
            {
                byHash[p.Hash] = text;
            }
        }
    }

    /// <summary>A text that identifies the position; defaults to its features plus side to move.</summary>
    protected virtual string Canonical(TGame position) =>
        string.Join(",", Features(position)) + "|" + position.SideToMove + "|" + position.Outcome;

    [Fact]
    public void PositionNotation_RoundTrips()
    {
        foreach (TGame p in RandomPositions().Take(3000))
        {
            string text = p.FormatPosition();
            Assert.True(TGame.TryParsePosition(text, out TGame back, out string? error), $"'{text}': {error}");
            Assert.Equal(p.Hash, back.Hash);
            Assert.Equal(Features(p), Features(back));
            Assert.Equal(text, back.FormatPosition());
        }
    }

    [Fact]
    public void MoveNotation_RoundTrips()
    {
        var moves = new TMove[TGame.MaxMoves];
        foreach (TGame p in RandomPositions().Take(3000))
        {
            int n = p.GenerateMoves(moves);
            for (int i = 0; i < n; i++)
            {
                string text = p.FormatMove(moves[i]);
                Assert.True(p.TryParseMove(text, out TMove back, out string? error), $"'{text}': {error}");
                Assert.Equal(moves[i], back);
            }
        }
    }

    [Fact]
    public void TryParse_BadInputGivesAnErrorNotAnException()
    {
        foreach (string bad in new[] { "zz", "0", "!!", "99999999999999999999", "\u0001", "e9e9" })
        {
            if (TGame.TryParsePosition(bad, out _, out string? error))
            {
                continue; // some texts may be valid in some games
            }
            Assert.False(string.IsNullOrWhiteSpace(error));
        }
        Assert.False(TGame.Initial.TryParseMove("not a move", out _, out string? moveError));
        Assert.False(string.IsNullOrWhiteSpace(moveError));
    }

    [Fact]
    public void WriteFeatures_IsFiniteAndDeterministic()
    {
        foreach (TGame p in RandomPositions().Take(2000))
        {
            float[] a = Features(p);
            Assert.All(a, v => Assert.True(float.IsFinite(v)));
            Assert.Equal(a, Features(p));
        }
    }

    [Fact]
    public void Render_ShowsSomething()
    {
        Assert.False(string.IsNullOrWhiteSpace(TGame.Initial.Render()));
    }
}
