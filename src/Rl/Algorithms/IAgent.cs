namespace Zero.Rl.Algorithms;

/// <summary>
/// A trained (or training) policy as the outside sees it: raw environment observation in, environment action out
/// (normalisation and action rescaling happen inside, with the statistics saved in the model file). Implemented
/// by <see cref="Ppo"/>, <see cref="Dqn"/> and <see cref="Sac"/>; used by <see cref="Evaluation"/> and <c>zero rl eval</c>.
/// </summary>
public interface IAgent
{
    /// <summary>"ppo", "dqn" or "sac".</summary>
    string Algorithm { get; }

    /// <summary>The environment id the agent was trained on.</summary>
    string EnvironmentId { get; }

    /// <summary>Chooses an action for one raw observation; deterministic = the mode of the policy (argmax, mean, tanh(μ)).</summary>
    void Act(ReadOnlySpan<float> observation, Span<float> action, bool deterministic);

    /// <summary>With eval_freq: the evaluation whose weights training ended on (step, mean return, first episode seed); null otherwise.</summary>
    (long Step, double Mean, int Seed)? KeptEvaluation { get; }

    /// <summary>Writes the self-contained model file (weights, normalisation statistics, action bounds, config).</summary>
    void Save(string path);
}
