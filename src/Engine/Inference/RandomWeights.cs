using Zero.Engine.Models;

namespace Zero.Engine.Inference;

/// <summary>
/// Seeded random weights for a <see cref="PolicyValueNetConfig"/>, in the documented names and layouts: what the
/// benchmark and the tests evaluate before a trained network exists. Convolutions and FC layers get He-scaled normal
/// values; batch norms get non-trivial statistics (gamma 0.8–1.2, beta and mean ±0.1, variance 0.5–1.5) so folding
/// them is really exercised.
/// </summary>
public static class RandomWeights
{
    /// <summary>All parameters and running statistics of the network, drawn from <paramref name="random"/>.</summary>
    public static Dictionary<string, float[]> Create(PolicyValueNetConfig config, Random random)
    {
        var w = new Dictionary<string, float[]>(StringComparer.Ordinal);
        int c = config.Channels, hw = config.Height * config.Width;
        Conv(w, random, "stem.conv.weight", c, config.InputPlanes, 3);
        Bn(w, random, "stem.bn", c);
        for (int i = 0; i < config.Blocks; i++)
        {
            Conv(w, random, $"blocks.{i}.conv1.weight", c, c, 3);
            Bn(w, random, $"blocks.{i}.bn1", c);
            Conv(w, random, $"blocks.{i}.conv2.weight", c, c, 3);
            Bn(w, random, $"blocks.{i}.bn2", c);
            if (config.SqueezeExcitationRatio > 0)
            {
                int squeezed = c / config.SqueezeExcitationRatio;
                Fc(w, random, $"blocks.{i}.se.fc1", squeezed, c);
                Fc(w, random, $"blocks.{i}.se.fc2", c, squeezed);
            }
        }
        Conv(w, random, "policy.conv.weight", config.PolicyChannels, c, 1);
        Bn(w, random, "policy.bn", config.PolicyChannels);
        Fc(w, random, "policy.fc", config.PolicySize, config.PolicyChannels * hw);
        Conv(w, random, "value.conv.weight", config.ValueChannels, c, 1);
        Bn(w, random, "value.bn", config.ValueChannels);
        Fc(w, random, "value.fc1", config.ValueHidden, config.ValueChannels * hw);
        Fc(w, random, "value.fc2", config.ValueOutputs, config.ValueHidden);
        return w;
    }

    private static void Conv(Dictionary<string, float[]> w, Random random, string name, int cout, int cin, int k)
        => w[name] = Normal(random, cout * cin * k * k, Math.Sqrt(2.0 / (cin * k * k)));

    private static void Fc(Dictionary<string, float[]> w, Random random, string prefix, int outputs, int inputs)
    {
        w[prefix + ".weight"] = Normal(random, outputs * inputs, Math.Sqrt(1.0 / inputs));
        w[prefix + ".bias"] = Uniform(random, outputs, -0.1, 0.1);
    }

    private static void Bn(Dictionary<string, float[]> w, Random random, string prefix, int channels)
    {
        w[prefix + ".weight"] = Uniform(random, channels, 0.8, 1.2);
        w[prefix + ".bias"] = Uniform(random, channels, -0.1, 0.1);
        w[prefix + ".running_mean"] = Uniform(random, channels, -0.1, 0.1);
        w[prefix + ".running_var"] = Uniform(random, channels, 0.5, 1.5);
    }

    private static float[] Uniform(Random random, int length, double low, double high)
    {
        var x = new float[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = (float)(low + (high - low) * random.NextDouble());
        }
        return x;
    }

    private static float[] Normal(Random random, int length, double std)
    {
        var x = new float[length];
        for (int i = 0; i < length; i++)
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            x[i] = (float)(std * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
        return x;
    }
}
