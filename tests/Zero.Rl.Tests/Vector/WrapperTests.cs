using Zero.Rl.ClassicControl;
using Zero.Rl.Environments;
using Zero.Rl.Vector;
using Zero.Rl.Wrappers;

namespace Zero.Rl.Tests.Vector;

/// <summary>Running statistics, VecNormalize and action rescaling against direct computations.</summary>
public sealed class WrapperTests
{
    [Fact]
    public void RunningMeanStd_BatchUpdates_MatchWholeDataMeanAndVariance()
    {
        var rng = new RandomSource(5);
        var rms = new RunningMeanStd(2, epsilon: 0);
        var all = new List<float[]>();
        for (int b = 0; b < 7; b++)
        {
            int rows = 3 + b;
            var batch = new float[rows * 2];
            for (int i = 0; i < batch.Length; i++)
            {
                batch[i] = (float)((rng.NextNormal() * (i % 2 == 0 ? 3 : 0.5)) + (i % 2 == 0 ? 10 : -2));
            }
            rms.Update(batch, rows);
            all.Add(batch);
        }
        for (int j = 0; j < 2; j++)
        {
            double[] xs = all.SelectMany(b => b.Where((_, i) => i % 2 == j)).Select(v => (double)v).ToArray();
            double mean = xs.Average();
            double variance = xs.Select(x => (x - mean) * (x - mean)).Average();
            Assert.Equal(mean, rms.Mean[j], 10);
            Assert.Equal(variance, rms.Variance[j], 9);
        }
    }

    [Fact]
    public void VecNormalize_SaveAndLoad_NormalisesObservationsIdentically()
    {
        var vec = new VecNormalize(new VectorEnvironment(() => ClassicControlCatalog.Make("MountainCar-v0"), 4));
        vec.Reset(seed: 1);
        var actions = new float[4];
        for (int t = 0; t < 500; t++)
        {
            actions[t % 4] = t % 3;
            vec.Step(actions);
        }
        NormalizationState saved = vec.Save();
        var raw = vec.FinalObservations.Length > 0 ? new float[] { -0.5f, 0.01f } : [];
        float[] viaState = (float[])raw.Clone();
        saved.NormalizeObservation(viaState);

        var other = new VecNormalize(new VectorEnvironment(() => ClassicControlCatalog.Make("MountainCar-v0"), 4)) { Training = false };
        other.Load(saved);
        Assert.Equal(saved.Observation.Mean, other.ObservationStatistics.State.Mean);
        float[] viaRms = (float[])raw.Clone();
        other.ObservationStatistics.Normalize(viaRms, 10f);
        Assert.Equal(viaState, viaRms);
        Assert.True(Math.Abs(viaState[0]) < 10);
    }

    [Fact]
    public void VecNormalize_Rewards_AreScaledByReturnSpreadAndRawStatisticsKept()
    {
        var vec = new VecNormalize(new VectorEnvironment(() => ClassicControlCatalog.Make("CartPole-v1"), 2), gamma: 0.99);
        vec.Reset(seed: 0);
        float[] actions = [0, 1];
        for (int t = 0; t < 200; t++)
        {
            vec.Step(actions);
            double scale = Math.Sqrt(vec.ReturnStatistics.Variance[0] + 1e-8);
            Assert.Equal((float)Math.Clamp(vec.RawRewards[0] / scale, -10, 10), vec.Rewards[0]);
        }
        Assert.True(vec.Statistics.EpisodeCount > 0);
        Assert.True(vec.Statistics.RecentMeanReturn >= 8, "episode returns are the raw +1 rewards");
    }

    [Fact]
    public void RescaleAction_UnitInterval_MapsOntoEnvironmentBoundsWithClipping()
    {
        var env = new RescaleAction(new Pendulum());
        Span<float> dest = stackalloc float[1];
        RescaleAction.Map([0.5f], [-2f], [2f], clip: true, dest);
        Assert.Equal(1f, dest[0]);
        RescaleAction.Map([-3f], [-2f], [2f], clip: true, dest);
        Assert.Equal(-2f, dest[0]);
        RescaleAction.Map([0f], [0f], [10f], clip: false, dest);
        Assert.Equal(5f, dest[0]);
        Assert.Equal("Box([-1], [1], (1,), float32)", env.ActionSpace.ToString());
    }

    [Fact]
    public void RescaleAction_DiscreteEnvironment_ThrowsSayingWhy()
    {
        var e = Assert.Throws<ArgumentException>(() => new RescaleAction(new CartPole()));
        Assert.Contains("bounded Box", e.Message);
    }
}
