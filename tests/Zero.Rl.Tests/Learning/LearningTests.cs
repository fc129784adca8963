using Xunit.Abstractions;
using Zero.Rl.Algorithms;

namespace Zero.Rl.Tests.Learning;

/// <summary>
/// The learning bars with the shipped presets and a deterministic evaluation over 10 episodes (SB3
/// evaluate_policy, <c>zero rl eval</c>'s seeds). Every bar is a theory over seeds 1–10 (<see cref="Seeds"/>) in a class
/// of its own, so xunit runs the bars side by side on separate cores; run them all with
/// `dotnet test tests/Zero.Rl.Tests -c Release --settings slow.runsettings --filter FullyQualifiedName~Learning`.
/// </summary>
internal static class LearningBar
{
    /// <summary>The seeds every learning bar is checked on (the goal: all 10 pass).</summary>
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 10)];

    /// <summary>Evaluates the trained agent over 10 episodes, reports, and asserts the mean return reaches <paramref name="bar"/>.</summary>
    public static void Check(ITestOutputHelper output, IAgent agent, int seed, double bar)
    {
        EpisodeReturns r = Evaluation.Run(agent, 10);
        output.WriteLine($"{agent.Algorithm} {agent.EnvironmentId} seed {seed}: {r.Mean:F1} ± {r.Std:F1} (bar {bar})");
        if (agent.KeptEvaluation is { } kept)
        {
            output.WriteLine($"  ended on the weights of step {kept.Step} (evaluation during training {kept.Mean:F1})");
        }
        Assert.True(r.Mean >= bar, $"{agent.Algorithm} {agent.EnvironmentId} seed {seed}: {r.Mean:F1} < {bar}");
    }
}

/// <summary>PPO CartPole-v1 ≥ 475 within 100k steps.</summary>
[Trait("Category", "Slow")]
public sealed class PpoCartPoleLearningTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(LearningBar.Seeds), MemberType = typeof(LearningBar))]
    public void PpoCartPole_100kSteps_Reaches475(int seed)
    {
        var agent = new Ppo("CartPole-v1", Presets.Ppo("CartPole-v1"), seed);
        agent.Learn(100_000);
        LearningBar.Check(output, agent, seed, 475);
    }
}

/// <summary>DQN CartPole-v1 ≥ 475 within 100k steps.</summary>
[Trait("Category", "Slow")]
public sealed class DqnCartPoleLearningTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(LearningBar.Seeds), MemberType = typeof(LearningBar))]
    public void DqnCartPole_100kSteps_Reaches475(int seed)
    {
        DqnConfig c = Presets.Dqn("CartPole-v1");
        var agent = new Dqn("CartPole-v1", c, seed);
        agent.Learn(Math.Min(c.NTimesteps, 100_000));
        LearningBar.Check(output, agent, seed, 475);
    }
}

/// <summary>SAC Pendulum-v1 ≥ −200 within 20k steps.</summary>
[Trait("Category", "Slow")]
public sealed class SacPendulumLearningTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(LearningBar.Seeds), MemberType = typeof(LearningBar))]
    public void SacPendulum_20kSteps_ReachesMinus200(int seed)
    {
        var agent = new Sac("Pendulum-v1", Presets.Sac("Pendulum-v1"), seed);
        agent.Learn(20_000);
        LearningBar.Check(output, agent, seed, -200);
    }
}

/// <summary>PPO Acrobot-v1 ≥ −100 with the preset's budget (the Zoo's 1M steps).</summary>
[Trait("Category", "Slow")]
public sealed class PpoAcrobotLearningTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(LearningBar.Seeds), MemberType = typeof(LearningBar))]
    public void PpoAcrobot_Preset_ReachesMinus100(int seed)
    {
        PpoConfig c = Presets.Ppo("Acrobot-v1");
        var agent = new Ppo("Acrobot-v1", c, seed);
        agent.Learn(c.NTimesteps);
        LearningBar.Check(output, agent, seed, -100);
    }
}

/// <summary>SAC MountainCarContinuous-v0 ≥ 90 with the preset's budget (50k steps).</summary>
[Trait("Category", "Slow")]
public sealed class SacMountainCarContinuousLearningTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(LearningBar.Seeds), MemberType = typeof(LearningBar))]
    public void SacMountainCarContinuous_Preset_Reaches90(int seed)
    {
        SacConfig c = Presets.Sac("MountainCarContinuous-v0");
        var agent = new Sac("MountainCarContinuous-v0", c, seed);
        agent.Learn(c.NTimesteps);
        LearningBar.Check(output, agent, seed, 90);
    }
}
