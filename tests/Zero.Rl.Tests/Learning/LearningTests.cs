using Xunit.Abstractions;
using Zero.Rl.Algorithms;

namespace Zero.Rl.Tests.Learning;

/// <summary>
/// The learning bars with the shipped presets and a deterministic evaluation over 10 episodes (SB3
/// evaluate_policy). Every bar is a theory over seeds 1–10 (<see cref="Seeds"/>); run with
/// `dotnet test tests/Zero.Rl.Tests -c Release --settings slow.runsettings`.
/// </summary>
[Trait("Category", "Slow")]
public sealed class LearningTests(ITestOutputHelper output)
{
    /// <summary>The seeds every learning bar is checked on (the goal: all 10 pass).</summary>
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 10)];

    private void Report(IAgent agent, int seed, EvaluationResult r, double threshold)
    {
        output.WriteLine($"{agent.Algorithm} {agent.EnvironmentId} seed {seed}: {r.Mean:F1} ± {r.Std:F1} (bar {threshold})");
        if (agent.KeptEvaluation is { } kept)
        {
            output.WriteLine($"  ended on the weights of step {kept.Step} (evaluation during training {kept.Mean:F1})");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PpoCartPole_100kSteps_Reaches475(int seed)
    {
        var agent = new Ppo("CartPole-v1", Presets.Ppo("CartPole-v1"), seed);
        agent.Learn(100_000);
        EvaluationResult r = Evaluation.Run(agent, 10);
        Report(agent, seed, r, 475);
        Assert.True(r.Mean >= 475, $"seed {seed}: {r.Mean:F1}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DqnCartPole_100kSteps_Reaches475(int seed)
    {
        DqnConfig c = Presets.Dqn("CartPole-v1");
        var agent = new Dqn("CartPole-v1", c, seed);
        agent.Learn(Math.Min(c.NTimesteps, 100_000));
        EvaluationResult r = Evaluation.Run(agent, 10);
        Report(agent, seed, r, 475);
        Assert.True(r.Mean >= 475, $"seed {seed}: {r.Mean:F1}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SacPendulum_20kSteps_ReachesMinus200(int seed)
    {
        var agent = new Sac("Pendulum-v1", Presets.Sac("Pendulum-v1"), seed);
        agent.Learn(20_000);
        EvaluationResult r = Evaluation.Run(agent, 10);
        Report(agent, seed, r, -200);
        Assert.True(r.Mean >= -200, $"seed {seed}: {r.Mean:F1}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PpoAcrobot_Preset_ReachesMinus100(int seed)
    {
        PpoConfig c = Presets.Ppo("Acrobot-v1");
        var agent = new Ppo("Acrobot-v1", c, seed);
        agent.Learn(c.NTimesteps);
        EvaluationResult r = Evaluation.Run(agent, 10);
        Report(agent, seed, r, -100);
        Assert.True(r.Mean >= -100, $"seed {seed}: {r.Mean:F1}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SacMountainCarContinuous_Preset_Reaches90(int seed)
    {
        SacConfig c = Presets.Sac("MountainCarContinuous-v0");
        var agent = new Sac("MountainCarContinuous-v0", c, seed);
        agent.Learn(c.NTimesteps);
        EvaluationResult r = Evaluation.Run(agent, 10);
        Report(agent, seed, r, 90);
        Assert.True(r.Mean >= 90, $"seed {seed}: {r.Mean:F1}");
    }
}
