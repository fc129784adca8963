using Xunit.Abstractions;
using Zero.Rl.Algorithms;

namespace Zero.Rl.Tests.Learning;

/// <summary>A2C CartPole-v1 ≥ 475 with the Zoo's budget (500k steps).</summary>
[Trait("Category", "Slow")]
public sealed class A2cCartPoleLearningTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(LearningBar.Seeds), MemberType = typeof(LearningBar))]
    public void A2cCartPole_500kSteps_Reaches475(int seed)
    {
        A2cConfig c = Presets.A2c("CartPole-v1");
        var agent = new A2c("CartPole-v1", c, seed);
        agent.Learn(c.NTimesteps);
        LearningBar.Check(output, agent, seed, 475);
    }
}

/// <summary>TD3 Pendulum-v1 ≥ −200 within 20k steps (the Zoo's budget).</summary>
[Trait("Category", "Slow")]
public sealed class Td3PendulumLearningTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(LearningBar.Seeds), MemberType = typeof(LearningBar))]
    public void Td3Pendulum_20kSteps_ReachesMinus200(int seed)
    {
        var agent = new Td3("Pendulum-v1", Presets.Td3("Pendulum-v1"), seed);
        agent.Learn(20_000);
        LearningBar.Check(output, agent, seed, -200);
    }
}

/// <summary>DDPG Pendulum-v1 ≥ −200 within 20k steps (the Zoo's budget).</summary>
[Trait("Category", "Slow")]
public sealed class DdpgPendulumLearningTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(LearningBar.Seeds), MemberType = typeof(LearningBar))]
    public void DdpgPendulum_20kSteps_ReachesMinus200(int seed)
    {
        var agent = new Td3("Pendulum-v1", Presets.Ddpg("Pendulum-v1"), seed);
        agent.Learn(20_000);
        LearningBar.Check(output, agent, seed, -200);
    }
}

/// <summary>TD3 MountainCarContinuous-v0 ≥ 90 with the preset's budget (the Zoo's 300k steps).</summary>
[Trait("Category", "Slow")]
public sealed class Td3MountainCarContinuousLearningTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(LearningBar.Seeds), MemberType = typeof(LearningBar))]
    public void Td3MountainCarContinuous_Preset_Reaches90(int seed)
    {
        Td3Config c = Presets.Td3("MountainCarContinuous-v0");
        var agent = new Td3("MountainCarContinuous-v0", c, seed);
        agent.Learn(c.NTimesteps);
        LearningBar.Check(output, agent, seed, 90);
    }
}

/// <summary>TRPO CartPole-v1 ≥ 475 within 100k steps (the Zoo's budget).</summary>
[Trait("Category", "Slow")]
public sealed class TrpoCartPoleLearningTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(LearningBar.Seeds), MemberType = typeof(LearningBar))]
    public void TrpoCartPole_100kSteps_Reaches475(int seed)
    {
        var agent = new Trpo("CartPole-v1", Presets.Trpo("CartPole-v1"), seed);
        agent.Learn(100_000);
        LearningBar.Check(output, agent, seed, 475);
    }
}

/// <summary>REINFORCE CartPole-v1 ≥ 475 within the preset's budget (Zero's own, 200k steps).</summary>
[Trait("Category", "Slow")]
public sealed class ReinforceCartPoleLearningTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(LearningBar.Seeds), MemberType = typeof(LearningBar))]
    public void ReinforceCartPole_Preset_Reaches475(int seed)
    {
        ReinforceConfig c = Presets.Reinforce("CartPole-v1");
        var agent = new Reinforce("CartPole-v1", c, seed);
        agent.Learn(c.NTimesteps);
        LearningBar.Check(output, agent, seed, 475);
    }
}
