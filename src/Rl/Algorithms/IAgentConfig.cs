namespace Zero.Rl.Algorithms;

/// <summary>
/// What every algorithm's hyper-parameter record shares: the preset's training budget. Lets <c>zero rl train</c> and
/// <c>zero bench rl</c> handle any algorithm's config through <see cref="AgentCatalog"/> without knowing its type.
/// </summary>
public interface IAgentConfig
{
    /// <summary>Environment steps of the preset's training budget.</summary>
    long NTimesteps { get; }
}
