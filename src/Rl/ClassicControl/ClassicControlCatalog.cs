using Zero.Rl.Environments;
using Zero.Rl.Wrappers;

namespace Zero.Rl.ClassicControl;

/// <summary>
/// The registry of built-in environments, as Gymnasium's <c>make</c>: an id gives a fresh environment wrapped
/// in its <see cref="TimeLimit"/>, plus the step limit and the reward threshold of the registration. Called by
/// the CLI, the presets and the benchmarks.
/// </summary>
public static class ClassicControlCatalog
{
    /// <summary>One registration: id, constructor, step limit, reward threshold (null when Gymnasium has none).</summary>
    public sealed record Entry(string Id, Func<IEnvironment> Create, int MaxEpisodeSteps, double? RewardThreshold);

    /// <summary>Every registered environment, in the order the help lists them.</summary>
    public static IReadOnlyList<Entry> All { get; } =
    [
        new("CartPole-v1", () => new CartPole(), 500, 475.0),
        new("Acrobot-v1", () => new Acrobot(), 500, -100.0),
        new("MountainCar-v0", () => new MountainCar(), 200, -110.0),
        new("MountainCarContinuous-v0", () => new MountainCarContinuous(), 999, 90.0),
        new("Pendulum-v1", () => new Pendulum(), 200, null),
    ];

    /// <summary>Finds a registration by id (case-insensitive). Throws <see cref="ZeroException"/> naming the known ids.</summary>
    public static Entry Find(string id) =>
        All.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new ZeroException($"Unknown environment '{id}'. Known environments: {string.Join(", ", All.Select(e => e.Id))}.");

    /// <summary>Creates the environment wrapped in its time limit (Gymnasium's <c>make(id)</c>).</summary>
    public static IEnvironment Make(string id)
    {
        Entry e = Find(id);
        return new TimeLimit(e.Create(), e.MaxEpisodeSteps);
    }
}
