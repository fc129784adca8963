using Zero.Engine.Models;
using Zero.Engine.Tensors;

namespace Zero.Rl.Algorithms;

/// <summary>
/// Building the algorithms' <see cref="Mlp"/> networks from the RL core's seeded <see cref="RandomSource"/>, and
/// moving them in and out of the model file: network "policy" stores its tensors as "policy.layers.{i}.weight"
/// ([out, in], PyTorch's layout) and "policy.layers.{i}.bias". Called by PPO, DQN and SAC.
/// </summary>
internal static class Networks
{
    /// <summary>An MLP initialised as PyTorch's nn.Linear, drawing from a child seed of <paramref name="random"/>.</summary>
    public static Mlp Create(int[] sizes, Activation activation, RandomSource random) =>
        new(sizes, activation, ChildRandom(random));

    /// <summary>A System.Random seeded from the RL stream (for the engine's initialisers).</summary>
    public static Random ChildRandom(RandomSource random) => new(unchecked((int)random.NextUInt64()));

    /// <summary>Parses the config's activation_fn.</summary>
    public static Activation ParseActivation(string name) => name.ToLowerInvariant() switch
    {
        "tanh" => Activation.Tanh,
        "relu" => Activation.Relu,
        _ => throw new ZeroException($"Unknown activation_fn '{name}': use \"tanh\" or \"relu\"."),
    };

    /// <summary>Appends the network's named tensors (copies) under <paramref name="name"/>.</summary>
    public static void Add(List<(string, float[])> tensors, string name, Mlp net)
    {
        foreach ((string parameter, Tensor t) in net.NamedParameters())
        {
            tensors.Add(($"{name}.{parameter}", t.ToArray()));
        }
    }

    /// <summary>Restores the network's tensors saved by <see cref="Add"/>.</summary>
    public static void Restore(Dictionary<string, float[]> tensors, string name, Mlp net, string path)
    {
        foreach ((string parameter, Tensor t) in net.NamedParameters())
        {
            Restore(tensors, $"{name}.{parameter}", t, path);
        }
    }

    /// <summary>Copies a saved tensor into <paramref name="destination"/>, checking its length.</summary>
    public static void Restore(Dictionary<string, float[]> tensors, string name, Tensor destination, string path)
    {
        var data = new float[destination.Length];
        ModelFile.Restore(tensors, name, data, path);
        destination.CopyFrom(data);
    }
}
