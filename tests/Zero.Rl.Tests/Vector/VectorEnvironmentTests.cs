using Zero.Rl.ClassicControl;
using Zero.Rl.Environments;
using Zero.Rl.Vector;
using Zero.Rl.Wrappers;

namespace Zero.Rl.Tests.Vector;

/// <summary>Vector environments: same results as stepping the environments one by one, auto-reset, statistics, no allocation.</summary>
public sealed class VectorEnvironmentTests
{
    [Fact]
    public void Step_SameStepMode_MatchesSingleEnvironmentsAndKeepsFinalObservation()
    {
        const int n = 4;
        var vec = new VectorEnvironment(() => ClassicControlCatalog.Make("CartPole-v1"), n);
        var singles = Enumerable.Range(0, n).Select(_ => ClassicControlCatalog.Make("CartPole-v1")).ToArray();
        var obs = new float[n][];
        vec.Reset(seed: 10);
        for (int i = 0; i < n; i++)
        {
            obs[i] = new float[4];
            singles[i].Reset(obs[i], 10 + i);
            Assert.Equal(obs[i], vec.Observations.Slice(i * 4, 4).ToArray());
        }
        var rng = new RandomSource(1);
        var actions = new float[n];
        int dones = 0;
        double[] returns = new double[n];
        for (int t = 0; t < 300; t++)
        {
            for (int i = 0; i < n; i++)
            {
                actions[i] = rng.NextInt(2);
            }
            vec.Step(actions);
            for (int i = 0; i < n; i++)
            {
                StepResult r = singles[i].Step(actions.AsSpan(i, 1), obs[i]);
                returns[i] += r.Reward;
                Assert.Equal(r.Terminated, vec.Terminated[i]);
                Assert.Equal((float)r.Reward, vec.Rewards[i]);
                if (r.Done)
                {
                    dones++;
                    Assert.Equal(obs[i], vec.FinalObservations.Slice(i * 4, 4).ToArray());
                    Assert.True(vec.Statistics.Finished[i]);
                    Assert.Equal(returns[i], vec.Statistics.FinishedReturns[i]);
                    returns[i] = 0;
                    singles[i].Reset(obs[i]);
                }
                Assert.Equal(obs[i], vec.Observations.Slice(i * 4, 4).ToArray());
            }
        }
        Assert.True(dones > 10);
        Assert.Equal(dones, vec.Statistics.EpisodeCount);
        Assert.Equal(300L * n, vec.Statistics.TotalSteps);
    }

    [Fact]
    public void Step_NextStepMode_ResetsOnTheFollowingCall()
    {
        var vec = new VectorEnvironment(() => new TimeLimit(new Pendulum(), 3), 2, AutoresetMode.NextStep);
        vec.Reset(seed: 0);
        float[] act = [0f, 0f];
        vec.Step(act);
        vec.Step(act);
        vec.Step(act);
        Assert.True(vec.Truncated[0] && vec.Truncated[1]);
        float[] final = vec.Observations.ToArray();
        Assert.Equal(final, vec.FinalObservations.ToArray());
        vec.Step(act);
        Assert.False(vec.Truncated[0]);
        Assert.Equal(0f, vec.Rewards[0]);
        Assert.NotEqual(final, vec.Observations.ToArray());
        Assert.Equal(2, vec.Statistics.EpisodeCount);
    }

    [Fact]
    public void Step_ManySteps_AllocatesNothing()
    {
        var vec = new VecNormalize(new VectorEnvironment(() => ClassicControlCatalog.Make("CartPole-v1"), 8));
        vec.Reset(seed: 3);
        var actions = new float[8];
        for (int t = 0; t < 2000; t++)
        {
            vec.Step(actions);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < 5000; t++)
        {
            actions[t % 8] = t % 2;
            vec.Step(actions);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Step_WrongActionCount_ThrowsWithExpectedShape()
    {
        var vec = new VectorEnvironment(() => ClassicControlCatalog.Make("CartPole-v1"), 3);
        vec.Reset(seed: 0);
        var e = Assert.Throws<ArgumentException>(() => vec.Step(new float[2]));
        Assert.Contains("3 × 1", e.Message);
    }
}
