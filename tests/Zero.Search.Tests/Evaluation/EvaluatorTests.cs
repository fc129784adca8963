using Zero.Games;
using Zero.Games.ConnectFour;
using Zero.Games.TicTacToe;
using Zero.Search.Evaluation;
using Zero.Search.Tests.Fakes;

namespace Zero.Search.Tests.Evaluation;

/// <summary>The evaluator seam and its simple implementations: uniform, hash-random, rollout, model, caching.</summary>
public sealed class EvaluatorTests
{
    private static ConnectFourPosition C4(string text)
    {
        Assert.True(ConnectFourPosition.TryParsePosition(text, out var p, out string? error), error);
        return p;
    }

    [Fact]
    public void Uniform_AnyPosition_ZeroValueAndZeroLogitsAndReadyOnAdd()
    {
        using var batch = new UniformEvaluator<ConnectFourPosition, ConnectFourMove>().CreateBatch(4);
        Assert.True(batch.Add(C4("4453")));
        batch.Run();
        Assert.Equal(0f, batch.Value(0));
        Assert.All(batch.PolicyLogits(0).ToArray(), l => Assert.Equal(0f, l));
        Assert.Equal(7, batch.PolicyLogits(0).Length);
    }

    [Fact]
    public void HashRandom_SamePositionInDifferentBatches_SameOutput()
    {
        var evaluator = new HashRandomEvaluator<ConnectFourPosition, ConnectFourMove>(salt: 7);
        using var a = evaluator.CreateBatch(3);
        using var b = evaluator.CreateBatch(3);
        a.Add(C4("1"));
        a.Add(C4("4453"));
        b.Add(C4("4453"));
        a.Run();
        b.Run();
        Assert.Equal(a.Value(1), b.Value(0));
        Assert.Equal(a.PolicyLogits(1).ToArray(), b.PolicyLogits(0).ToArray());
        Assert.NotEqual(a.Value(0), a.Value(1));
        Assert.InRange(a.Value(1), -1f, 1f);
        Assert.Equal(HashRandomEvaluator<ConnectFourPosition, ConnectFourMove>.ValueOf(C4("4453"), 7), a.Value(1));
    }

    [Fact]
    public void Rollout_SameSeed_SameValues_AndValuesAreResults()
    {
        float[] Run(int seed)
        {
            using var batch = new RolloutEvaluator<TicTacToePosition, TicTacToeMove>(seed).CreateBatch(64);
            for (int i = 0; i < 64; i++)
            {
                batch.Add(TicTacToePosition.Initial);
            }
            batch.Run();
            return Enumerable.Range(0, 64).Select(batch.Value).ToArray();
        }
        float[] first = Run(5);
        Assert.Equal(first, Run(5));
        Assert.All(first, v => Assert.Contains(v, new[] { -1f, 0f, 1f }));
        Assert.True(first.Distinct().Count() > 1, "64 random tic-tac-toe games should not all end the same way");
    }

    [Fact]
    public void Rollout_OneMoveLeft_ValueIsThatGamesResultForSideToMove()
    {
        // Find tic-tac-toe positions with one empty cell left: the playout has no choice, so its value is known.
        var rng = new Random(2);
        var moves = new TicTacToeMove[9];
        int checkedPositions = 0;
        for (int game = 0; game < 200 && checkedPositions < 10; game++)
        {
            TicTacToePosition p = TicTacToePosition.Initial;
            while (p.Outcome is null && p.Ply < 8)
            {
                p = p.Play(moves[rng.Next(p.GenerateMoves(moves))]);
            }
            if (p.Outcome is not null)
            {
                continue;
            }
            Assert.Equal(1, p.GenerateMoves(moves));
            TicTacToePosition end = p.Play(moves[0]);
            float expected = -end.Outcome!.Value.ToValue(); // the outcome is from the next side to move
            Assert.Equal(expected, RolloutEvaluator<TicTacToePosition, TicTacToeMove>.Playout(p, new Random(9), moves, 100));
            checkedPositions++;
        }
        Assert.True(checkedPositions > 0);
    }

    [Fact]
    public void Caching_SecondAddOfSamePosition_HitWithSameResultAndOneInnerEvaluation()
    {
        var inner = new FuncEvaluator<ConnectFourPosition, ConnectFourMove>(p => p.Ply / 10f, (p, a) => a * 0.5f + p.Ply);
        var cache = new CachingEvaluator<ConnectFourPosition, ConnectFourMove>(inner, capacity: 64);
        using var batch = cache.CreateBatch(4);
        Assert.False(batch.Add(C4("4453")));
        batch.Run();
        float value = batch.Value(0);
        float[] logits = batch.PolicyLogits(0).ToArray();
        batch.Clear();

        Assert.False(batch.Add(C4("1")));
        Assert.True(batch.Add(C4("4453")));
        Assert.Equal(value, batch.Value(1)); // readable before Run
        Assert.Equal(logits, batch.PolicyLogits(1).ToArray());
        batch.Run();
        Assert.Equal(0.1f, batch.Value(0));
        Assert.Equal(2, inner.Evaluated);
        Assert.Equal(1, cache.Cache.Hits);
    }

    [Fact]
    public void Caching_SharedAcrossBatches_HitsFromOtherBatch()
    {
        var cache = new CachingEvaluator<ConnectFourPosition, ConnectFourMove>(
            new HashRandomEvaluator<ConnectFourPosition, ConnectFourMove>(), capacity: 1024);
        using var a = cache.CreateBatch(8);
        using var b = cache.CreateBatch(8);
        a.Add(C4("44"));
        a.Run();
        Assert.True(b.Add(C4("44")));
        Assert.Equal(a.Value(0), b.Value(0));
    }

    [Fact]
    public void Model_FeaturesGoToModel_ResultsComeBack()
    {
        var model = new FakeModel(ConnectFourPosition.InputShape.Size, ConnectFourPosition.ActionCount);
        var evaluator = new ModelEvaluator<ConnectFourPosition, ConnectFourMove>(model);
        using var batch = evaluator.CreateBatch(4);
        ConnectFourPosition[] positions = [C4(""), C4("4"), C4("4453")];
        foreach (var p in positions)
        {
            Assert.False(batch.Add(p));
        }
        batch.Run();
        Assert.Equal(1, model.Calls);
        var features = new float[ConnectFourPosition.InputShape.Size];
        var logits = new float[7];
        for (int i = 0; i < positions.Length; i++)
        {
            positions[i].WriteFeatures(features);
            model.Expected(features, logits, out float value);
            Assert.Equal(value, batch.Value(i));
            Assert.Equal(logits, batch.PolicyLogits(i).ToArray());
        }
    }

    [Fact]
    public void Model_WrongSizes_ZeroExceptionSaysWhichGame()
    {
        var model = new FakeModel(27, 9);
        var e = Assert.Throws<ZeroException>(() => new ModelEvaluator<ConnectFourPosition, ConnectFourMove>(model));
        Assert.Contains("connect4", e.Message, StringComparison.Ordinal);
        Assert.Contains("another game", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_AddBeyondCapacity_Throws()
    {
        using var batch = new HashRandomEvaluator<ConnectFourPosition, ConnectFourMove>().CreateBatch(1);
        batch.Add(C4(""));
        Assert.Throws<InvalidOperationException>(() => batch.Add(C4("1")));
    }

    [Fact]
    public void Wdl_FromValue_ValueRoundTrips()
    {
        Assert.Equal(0.5f, Wdl.FromValue(0.5f).Value, 6);
        Assert.Equal(new Wdl(1, 0, 0), Wdl.FromValue(1));
    }
}
