namespace Zero.Search.Mcts;

/// <summary>
/// Dirichlet and Gamma sampling from an explicit, seeded <see cref="Random"/> (the BCL has neither). The search
/// draws root noise η ~ Dir(α, …, α) by normalising independent Gamma(α, 1) draws.
/// </summary>
public static class Dirichlet
{
    /// <summary>Fills <paramref name="destination"/> with one draw of a symmetric Dirichlet(<paramref name="alpha"/>).</summary>
    public static void Sample(Random random, double alpha, Span<float> destination)
    {
        double sum = 0;
        for (int i = 0; i < destination.Length; i++)
        {
            double g = Gamma(random, alpha);
            destination[i] = (float)g;
            sum += g;
        }
        if (sum <= 0)
        {
            destination.Fill(1f / destination.Length); // every draw underflowed (tiny alpha): fall back to uniform
            return;
        }
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (float)(destination[i] / sum);
        }
    }

    /// <summary>
    /// One Gamma(<paramref name="shape"/>, 1) draw by Marsaglia and Tsang (2000); for shape &lt; 1 it draws
    /// Gamma(shape + 1) and multiplies by U^(1/shape).
    /// </summary>
    public static double Gamma(Random random, double shape)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shape);
        if (shape < 1)
        {
            double u = random.NextDouble();
            return Gamma(random, shape + 1) * Math.Pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = StandardNormal(random);
                v = 1.0 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            double u = random.NextDouble();
            if (u < 1.0 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1.0 - v + Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
