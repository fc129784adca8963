using Zero.Rl.ClassicControl;
using Zero.Rl.Environments;

namespace Zero.Rl.Algorithms;

/// <summary>
/// SB3's <c>evaluate_policy</c>: runs whole episodes of the agent's environment (with its time limit) and reports
/// the returns. Episode i is reset with seed + i so evaluations are reproducible. Called by <c>zero rl eval</c>,
/// the training loop's final report and the learning tests.
/// </summary>
public static class Evaluation
{
    /// <summary>Runs <paramref name="episodes"/> episodes; deterministic uses the policy's mode.</summary>
    public static EpisodeReturns Run(IAgent agent, int episodes, int seed = 1_000_000, bool deterministic = true)
    {
        if (episodes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(episodes), episodes, "Evaluate at least one episode.");
        }
        IEnvironment env = ClassicControlCatalog.Make(agent.EnvironmentId);
        var obs = new float[env.ObservationSpace.FlatSize];
        var action = new float[env.ActionSpace.FlatSize];
        var returns = new double[episodes];
        for (int e = 0; e < episodes; e++)
        {
            env.Reset(obs, seed + e);
            double total = 0;
            while (true)
            {
                agent.Act(obs, action, deterministic);
                StepResult r = env.Step(action, obs);
                total += r.Reward;
                if (r.Done)
                {
                    break;
                }
            }
            returns[e] = total;
        }
        return new EpisodeReturns(agent.EnvironmentId, returns);
    }
}
