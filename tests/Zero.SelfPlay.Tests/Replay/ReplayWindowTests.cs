using Zero.Games.ConnectFour;
using Zero.Games.TicTacToe;
using Zero.SelfPlay.Records;
using Zero.SelfPlay.Replay;

namespace Zero.SelfPlay.Tests.Replay;

public class ReplayWindowTests
{
    private static TicTacToePosition[] Positions(GameRecord record)
    {
        var list = new List<TicTacToePosition>();
        TicTacToePosition p = TicTacToePosition.Initial;
        foreach (RecordedMove m in record.Moves)
        {
            list.Add(p);
            p = p.Play(new TicTacToeMove((byte)m.Action));
        }
        return [.. list];
    }

    [Fact]
    public void Sample_WithoutAugmentation_MatchesReplayedPositionTargets()
    {
        var random = new Random(1);
        GameRecord record = TestGames.RandomTicTacToe(random);
        var window = new ReplayWindow<TicTacToePosition, TicTacToeMove>(10, augment: false);
        Assert.True(window.Add(1, record, out string? error), error);
        Assert.Equal(record.Moves.Count, window.PositionCount);

        TicTacToePosition[] positions = Positions(record);
        var batch = TrainingBatch.For<TicTacToePosition, TicTacToeMove>(64);
        window.Sample(random, 64, batch);
        var features = new float[27];
        for (int i = 0; i < 64; i++)
        {
            float[] sample = batch.Features.AsSpan(i * 27, 27).ToArray();
            int ply = Array.FindIndex(positions, p =>
            {
                p.WriteFeatures(features);
                return sample.AsSpan().SequenceEqual(features);
            });
            Assert.True(ply >= 0, "sampled features match no position of the game");
            RecordedMove move = record.Moves[ply];
            var expected = new float[9];
            foreach (VisitCount v in move.Visits)
            {
                expected[v.Action] = (float)v.Visits / move.TotalVisits;
            }
            float[] actual = batch.Policy.AsSpan(i * 9, 9).ToArray();
            for (int a = 0; a < 9; a++)
            {
                Assert.Equal(expected[a], actual[a], 1e-6f);
            }
            Assert.Equal(record.OutcomeForPly(ply), batch.Values[i]);
        }
    }

    [Fact]
    public void Sample_ValueTargetQWeight_MixesOutcomeAndRootValue()
    {
        var random = new Random(5);
        GameRecord record = TestGames.RandomTicTacToe(random);
        var window = new ReplayWindow<TicTacToePosition, TicTacToeMove>(10, augment: false) { ValueTargetQWeight = 0.25f };
        Assert.True(window.Add(1, record, out string? error), error);
        TicTacToePosition[] positions = Positions(record);
        var batch = TrainingBatch.For<TicTacToePosition, TicTacToeMove>(64);
        window.Sample(random, 64, batch);
        var features = new float[27];
        for (int i = 0; i < 64; i++)
        {
            float[] sample = batch.Features.AsSpan(i * 27, 27).ToArray();
            int ply = Array.FindIndex(positions, p =>
            {
                p.WriteFeatures(features);
                return sample.AsSpan().SequenceEqual(features);
            });
            RecordedMove move = record.Moves[ply];
            Assert.False(float.IsNaN(move.RootValue), "the test games record a root value at every searched move");
            float expected = (0.75f * record.OutcomeForPly(ply)) + (0.25f * move.RootValue);
            Assert.Equal(expected, batch.Values[i], 1e-6f);
        }
    }

    [Fact]
    public void Sample_WithAugmentation_PolicyMassOnlyOnEmptyCellsAndAllSymmetriesUsed()
    {
        var random = new Random(2);
        var window = new ReplayWindow<TicTacToePosition, TicTacToeMove>(100);
        for (int g = 0; g < 20; g++)
        {
            Assert.True(window.Add(g + 1, TestGames.RandomTicTacToe(random), out _));
        }
        var originals = new HashSet<string>();
        var batch = TrainingBatch.For<TicTacToePosition, TicTacToeMove>(256);
        window.Sample(random, 256, batch);
        int transformed = 0;
        for (int i = 0; i < 256; i++)
        {
            ReadOnlySpan<float> f = batch.Features.AsSpan(i * 27, 27);
            ReadOnlySpan<float> pi = batch.Policy.AsSpan(i * 9, 9);
            Assert.Equal(1f, pi.ToArray().Sum(), 4);
            for (int cell = 0; cell < 9; cell++)
            {
                bool occupied = f[cell] != 0 || f[9 + cell] != 0;
                Assert.False(occupied && pi[cell] > 0, $"sample {i}: policy mass on occupied cell {cell + 1}");
            }
            if (pi.IndexOfAnyExcept(0f) >= 0)
            {
                transformed++;
            }
        }
        Assert.Equal(256, transformed);
    }

    [Fact]
    public void Sample_ConnectFourMirror_PolicyFollowsTheBoard()
    {
        // One searched move: after "4" (centre), the visits all go to column 1. Mirrored, they must go to column 7.
        var record = new GameRecord
        {
            Game = "connect4",
            Generation = 1,
            Outcome = 1,
            Moves = [RecordedMove.Unsearched(3), new RecordedMove(0, 0.1f, [new VisitCount(0, 10)]), RecordedMove.Unsearched(3)],
        };
        var window = new ReplayWindow<ConnectFourPosition, ConnectFourMove>(10);
        Assert.True(window.Add(1, record, out string? error), error);
        Assert.Equal(1, window.PositionCount);
        var batch = TrainingBatch.For<ConnectFourPosition, ConnectFourMove>(200);
        window.Sample(new Random(3), 200, batch);
        int mirrored = 0;
        for (int i = 0; i < 200; i++)
        {
            float[] pi = batch.Policy.AsSpan(i * 7, 7).ToArray();
            Assert.True(pi[0] == 1f || pi[6] == 1f);
            mirrored += pi[6] == 1f ? 1 : 0;
            Assert.Equal(-1f, batch.Values[i]);
        }
        Assert.InRange(mirrored, 60, 140);
    }

    [Fact]
    public void Sample_TwoGames_PositionsDrawnUniformly()
    {
        // Positions are identified by their features; positions found in both games are ignored.
        var random = new Random(4);
        var window = new ReplayWindow<ConnectFourPosition, ConnectFourMove>(10, augment: false);
        GameRecord a = TestGames.RandomConnectFour(random), b = TestGames.RandomConnectFour(random);
        window.Add(1, a, out _);
        window.Add(2, b, out _);
        HashSet<string> setA = FeatureKeys(a), setB = FeatureKeys(b);
        var onlyA = setA.Except(setB).ToHashSet();
        var onlyB = setB.Except(setA).ToHashSet();
        var batch = TrainingBatch.For<ConnectFourPosition, ConnectFourMove>(1000);
        int countA = 0, countB = 0;
        var perKey = new Dictionary<string, int>();
        for (int round = 0; round < 10; round++)
        {
            window.Sample(random, 1000, batch);
            for (int i = 0; i < 1000; i++)
            {
                string key = Key(batch.Features.AsSpan(i * 126, 126));
                countA += onlyA.Contains(key) ? 1 : 0;
                countB += onlyB.Contains(key) ? 1 : 0;
                perKey[key] = perKey.GetValueOrDefault(key) + 1;
            }
        }
        double share = (double)onlyA.Count / (onlyA.Count + onlyB.Count);
        double observed = (double)countA / (countA + countB);
        Assert.InRange(observed, share - 0.03, share + 0.03);
        // Every position is drawn about 10000 / positions times.
        double perPosition = 10000.0 / (a.Moves.Count + b.Moves.Count);
        Assert.All(perKey.Where(kv => onlyA.Contains(kv.Key) || onlyB.Contains(kv.Key)),
            kv => Assert.InRange(kv.Value, perPosition * 0.5, perPosition * 1.6));
    }

    private static HashSet<string> FeatureKeys(GameRecord record)
    {
        var keys = new HashSet<string>();
        var features = new float[126];
        ConnectFourPosition p = ConnectFourPosition.Initial;
        foreach (RecordedMove m in record.Moves)
        {
            p.WriteFeatures(features);
            keys.Add(Key(features));
            p = p.Play(new ConnectFourMove((byte)m.Action));
        }
        return keys;
    }

    private static string Key(ReadOnlySpan<float> features) => string.Concat(features.ToArray().Select(f => f != 0 ? '1' : '0'));

    [Fact]
    public void Add_BeyondCapacity_OldestGamesLeave()
    {
        var random = new Random(5);
        var window = new ReplayWindow<TicTacToePosition, TicTacToeMove>(2);
        GameRecord[] games = [TestGames.RandomTicTacToe(random), TestGames.RandomTicTacToe(random), TestGames.RandomTicTacToe(random)];
        for (int i = 0; i < 3; i++)
        {
            window.Add(i + 1, games[i], out _);
        }
        Assert.Equal(2, window.GameCount);
        Assert.Equal(games[1].Moves.Count + games[2].Moves.Count, window.PositionCount);
        Assert.Equal(3, window.LastGameId);
    }

    [Fact]
    public void Add_IllegalActionOrOtherGame_RefusedWithReason()
    {
        var window = new ReplayWindow<TicTacToePosition, TicTacToeMove>(10);
        var twice = new GameRecord
        {
            Game = "tictactoe", Generation = 0, Outcome = 0,
            Moves = [RecordedMove.Unsearched(4), RecordedMove.Unsearched(4)],
        };
        Assert.False(window.Add(7, twice, out string? error));
        Assert.Contains("game 7", error);
        Assert.Contains("ply 1", error);
        Assert.False(window.Add(8, twice with { Game = "connect4" }, out error));
        Assert.Contains("connect4", error);
        var badVisit = twice with { Moves = [new RecordedMove(4, 0, [new VisitCount(12, 1)])] };
        Assert.False(window.Add(9, badVisit, out error));
        Assert.Contains("outside the policy", error);
        Assert.Equal(0, window.GameCount);
    }

    [Fact]
    public void Sample_UnsearchedMovesOnly_WindowHasNoPositions()
    {
        var window = new ReplayWindow<TicTacToePosition, TicTacToeMove>(10);
        GameRecord record = TestGames.Random<TicTacToePosition, TicTacToeMove>(new Random(6), searched: false);
        Assert.True(window.Add(1, record, out _));
        Assert.Equal(0, window.PositionCount);
        Assert.Throws<InvalidOperationException>(() => window.Sample(new Random(1), 1, TrainingBatch.For<TicTacToePosition, TicTacToeMove>(1)));
    }
}
