
namespace Zero.Rl.Algorithms;

/// <summary>
/// The algorithms of the RL core, each once: its name, config record, presets, constructor and loader. <c>zero rl
/// train / eval / options</c>, <c>zero bench rl</c>, <see cref="AgentFile"/> and <see cref="ConfigReference"/> read
/// this list, so adding an algorithm is one entry here (SB3's registry of algorithm classes).
/// </summary>
public static class AgentCatalog
{
    /// <summary>One algorithm: name, one-line description, config type, preset per environment, constructor, loader.</summary>
    public sealed record Entry(
        string Name,
        string Description,
        Type ConfigType,
        Func<string, IAgentConfig> Preset,
        Func<string, IAgentConfig, int, IAgent> Create,
        Func<string, ModelHeader, Dictionary<string, float[]>, IAgent> Load);

    /// <summary>Every algorithm, in the order they are documented.</summary>
    public static IReadOnlyList<Entry> All { get; } =
    [
        new("dqn", "Deep Q-Network (Double DQN target optional), discrete actions", typeof(DqnConfig),
            env => Presets.Dqn(env), (env, c, seed) => new Dqn(env, (DqnConfig)c, seed), Dqn.Load),
        new("ppo", "Proximal Policy Optimization, discrete and Box actions", typeof(PpoConfig),
            env => Presets.Ppo(env), (env, c, seed) => new Ppo(env, (PpoConfig)c, seed), Ppo.Load),
        new("sac", "Soft Actor-Critic, Box actions", typeof(SacConfig),
            env => Presets.Sac(env), (env, c, seed) => new Sac(env, (SacConfig)c, seed), Sac.Load),
        new("reinforce", "REINFORCE (Monte-Carlo policy gradient, reward-to-go, learned baseline), discrete and Box actions", typeof(ReinforceConfig),
            env => Presets.Reinforce(env), (env, c, seed) => new Reinforce(env, (ReinforceConfig)c, seed), Reinforce.Load),
        new("a2c", "Advantage Actor-Critic (synchronous A3C, RMSprop), discrete and Box actions", typeof(A2cConfig),
            env => Presets.A2c(env), (env, c, seed) => new A2c(env, (A2cConfig)c, seed), A2c.Load),
        new("ddpg", "Deep Deterministic Policy Gradient, Box actions", typeof(DdpgConfig),
            env => Presets.Ddpg(env), (env, c, seed) => new Td3(env, (DdpgConfig)c, seed), Td3.LoadDdpg),
        new("trpo", "Trust Region Policy Optimization (conjugate gradient, KL line search), discrete and Box actions", typeof(TrpoConfig),
            env => Presets.Trpo(env), (env, c, seed) => new Trpo(env, (TrpoConfig)c, seed), Trpo.Load),
        new("td3", "Twin Delayed DDPG (clipped double Q, delayed policy, target smoothing), Box actions", typeof(Td3Config),
            env => Presets.Td3(env), (env, c, seed) => new Td3(env, (Td3Config)c, seed), Td3.LoadTd3),
    ];

    /// <summary>The names joined for messages: "dqn, ppo or sac".</summary>
    public static string Names => string.Join(", ", All.Take(All.Count - 1).Select(e => e.Name)) + " or " + All[^1].Name;

    /// <summary>The entry called <paramref name="name"/> (case-insensitive). Throws <see cref="ZeroException"/> naming the known ones.</summary>
    public static Entry Find(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ZeroException($"Unknown algorithm '{name}': use {Names}.");

    /// <summary>Creates an untrained agent of <paramref name="algorithm"/> with its preset for <paramref name="environment"/>.</summary>
    public static IAgent CreateWithPreset(string algorithm, string environment, int seed)
    {
        Entry e = Find(algorithm);
        return e.Create(environment, e.Preset(environment), seed);
    }
}
