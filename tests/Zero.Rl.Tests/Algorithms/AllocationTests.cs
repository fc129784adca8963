using Zero.Rl.Algorithms;

namespace Zero.Rl.Tests.Algorithms;

/// <summary>
/// The training loops allocate per run (buffers, environments), not per environment step or gradient step: the
/// bytes a longer <c>Learn</c> allocates beyond a shorter one stay under a kilobyte (the replay buffer is sized
/// min(buffer_size, steps), so the tests fix buffer_size below both runs).
/// </summary>
public sealed class AllocationTests
{
    private static long ExtraBytes(Action<long> learn, long shortRun, long longRun)
    {
        learn(shortRun);
        learn(longRun);
        long a = GC.GetAllocatedBytesForCurrentThread();
        learn(shortRun);
        long b = GC.GetAllocatedBytesForCurrentThread();
        learn(longRun);
        long c = GC.GetAllocatedBytesForCurrentThread();
        return (c - b) - (b - a);
    }

    [Fact]
    public void PpoLearn_MoreSteps_AllocatesNothingPerStep()
    {
        var agent = new Ppo("CartPole-v1", Presets.Ppo("CartPole-v1") with { NEpochs = 2 }, 1);
        long extra = ExtraBytes(n => agent.Learn(n), 512, 4096);
        Assert.True(extra < 1_024, $"{extra} bytes for 3,584 more steps");
    }

    [Fact]
    public void DqnLearn_MoreSteps_AllocatesNothingPerStep()
    {
        var agent = new Dqn("CartPole-v1", Presets.Dqn("CartPole-v1") with { NetArch = [32, 32], BufferSize = 256, LearningStarts = 64, TrainFreq = 16, GradientSteps = 4 }, 1);
        long extra = ExtraBytes(n => agent.Learn(n), 512, 2048);
        Assert.True(extra < 1_024, $"{extra} bytes for 1,536 more steps");
    }

    [Fact]
    public void SacLearn_MoreSteps_AllocatesNothingPerStep()
    {
        var agent = new Sac("Pendulum-v1", Presets.Sac("Pendulum-v1") with { NetArch = [32, 32], BufferSize = 256, BatchSize = 32, LearningStarts = 64 }, 1);
        long extra = ExtraBytes(n => agent.Learn(n), 256, 1024);
        Assert.True(extra < 1_024, $"{extra} bytes for 768 more steps");
    }

    [Fact]
    public void SacGsdeLearn_MoreSteps_AllocatesNothingPerStep()
    {
        var agent = new Sac("MountainCarContinuous-v0", Presets.Sac("MountainCarContinuous-v0") with { NetArch = [32, 32], BufferSize = 256, BatchSize = 32, TrainFreq = 8, GradientSteps = 8 }, 1);
        long extra = ExtraBytes(n => agent.Learn(n), 256, 1024);
        Assert.True(extra < 1_024, $"{extra} bytes for 768 more steps");
    }

    [Fact]
    public void PpoGsdeLearn_MoreSteps_AllocatesNothingPerStep()
    {
        var agent = new Ppo("Pendulum-v1", Presets.Ppo("Pendulum-v1") with { UseSde = true, SdeSampleFreq = 4, NEnvs = 2, NSteps = 64, NEpochs = 2 }, 1);
        long extra = ExtraBytes(n => agent.Learn(n), 512, 4096);
        Assert.True(extra < 1_024, $"{extra} bytes for 3,584 more steps");
    }

    [Fact]
    public void A2cLearn_MoreSteps_AllocatesNothingPerStep()
    {
        var agent = new A2c("CartPole-v1", Presets.A2c("CartPole-v1"), 1);
        long extra = ExtraBytes(n => agent.Learn(n), 400, 4000);
        Assert.True(extra < 1_024, $"{extra} bytes for 3,600 more steps");
    }

    [Fact]
    public void A2cGsdeLearn_MoreSteps_AllocatesNothingPerStep()
    {
        var agent = new A2c("Pendulum-v1", Presets.A2c("Pendulum-v1") with { NEnvs = 2 }, 1);
        long extra = ExtraBytes(n => agent.Learn(n), 512, 4096);
        Assert.True(extra < 1_024, $"{extra} bytes for 3,584 more steps");
    }

    [Fact]
    public void TrpoLearn_MoreSteps_AllocatesNothingPerStep()
    {
        var agent = new Trpo("CartPole-v1", Presets.Trpo("CartPole-v1") with { NSteps = 128, NCriticUpdates = 2, CgMaxSteps = 5, BatchSize = 64 }, 1);
        long extra = ExtraBytes(n => agent.Learn(n), 256, 2048);
        Assert.True(extra < 1_024, $"{extra} bytes for 1,792 more steps");
    }

    [Fact]
    public void Td3Learn_MoreSteps_AllocatesNothingPerStep()
    {
        var agent = new Td3("MountainCarContinuous-v0", Presets.Td3("MountainCarContinuous-v0") with { NetArch = [32, 32], BufferSize = 256, BatchSize = 32, LearningStarts = 64 }, 1);
        long extra = ExtraBytes(n => agent.Learn(n), 256, 1024);
        Assert.True(extra < 1_024, $"{extra} bytes for 768 more steps");
    }

    [Fact]
    public void ReinforceLearn_MoreSteps_AllocatesNothingPerStep()
    {
        // One episode per update and a small net keep the batches under the engine's parallel-kernel threshold.
        var agent = new Reinforce("CartPole-v1", Presets.Reinforce("CartPole-v1") with { EpisodesPerUpdate = 1, NetArch = [32] }, 1);
        long extra = ExtraBytes(n => agent.Learn(n), 256, 2048);
        Assert.True(extra < 1_024, $"{extra} bytes for 1,792 more steps");
    }
}
