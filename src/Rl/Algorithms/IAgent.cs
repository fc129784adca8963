using Zero.Rl.Training;

namespace Zero.Rl.Algorithms;

/// <summary>
/// An agent as the outside sees it, SB3's shape: created from (environment, config, seed), trained with
/// <see cref="Learn"/>, then acting on raw environment observations (normalisation and action rescaling happen
/// inside, with the statistics saved in the model file). Every algorithm in <see cref="AgentCatalog"/> implements it;
/// <c>zero rl train</c>, <c>zero rl eval</c>, <c>zero bench rl</c>, <see cref="Evaluation"/> and the learning tests
/// use only this frame.
/// </summary>
public interface IAgent
{
    /// <summary>The algorithm's name in <see cref="AgentCatalog"/> ("ppo", "dqn", "sac", …).</summary>
    string Algorithm { get; }

    /// <summary>The environment id the agent was trained on.</summary>
    string EnvironmentId { get; }

    /// <summary>The seed the agent was created with (initialisation, exploration, environments).</summary>
    int Seed { get; }

    /// <summary>Environment steps trained so far (a loaded model: the steps it was trained for).</summary>
    long StepsTrained { get; }

    /// <summary>The hyper-parameters the agent trains with (the record of its algorithm).</summary>
    IAgentConfig Config { get; }

    /// <summary>
    /// Trains for <paramref name="totalSteps"/> environment steps (rounded up to whole rollouts by on-policy algorithms),
    /// calling <paramref name="progress"/> after each rollout or every 1000 steps. A second call continues training.
    /// </summary>
    void Learn(long totalSteps, Action<TrainingProgress>? progress = null, TimeProvider? time = null, CancellationToken cancel = default);

    /// <summary>Chooses an action for one raw observation; deterministic = the mode of the policy (argmax, mean, tanh(μ)).</summary>
    void Act(ReadOnlySpan<float> observation, Span<float> action, bool deterministic);

    /// <summary>With eval_freq: the evaluation whose weights training ended on (step, mean return, first episode seed); null otherwise.</summary>
    (long Step, double Mean, int Seed)? KeptEvaluation { get; }

    /// <summary>Writes the self-contained model file (weights, normalisation statistics, action bounds, config).</summary>
    void Save(string path);
}
