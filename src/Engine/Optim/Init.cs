using Zero.Engine.Tensors;

namespace Zero.Engine.Optim;

/// <summary>
/// Weight initialisers (He/Kaiming, Xavier/Glorot, orthogonal, PyTorch's default uniform), all drawing from a seeded
/// <see cref="Random"/> the caller passes, so a seed reproduces a network. Called by the module constructors and by
/// RL code that wants orthogonal heads. Fan-in of a [out, in, k, k] weight is in·k·k, fan-out out·k·k.
/// </summary>
public static class Init
{
    /// <summary>He normal: N(0, gain²/fan_in) with gain √2 (ReLU).</summary>
    public static void HeNormal(Tensor w, Random rng, float gain = 1.41421356f)
    {
        (int fanIn, _) = Fans(w);
        Normal(w, rng, gain / MathF.Sqrt(fanIn));
    }

    /// <summary>He uniform: U(−b, b), b = gain·√(3/fan_in).</summary>
    public static void HeUniform(Tensor w, Random rng, float gain = 1.41421356f)
    {
        (int fanIn, _) = Fans(w);
        Uniform(w, rng, gain * MathF.Sqrt(3f / fanIn));
    }

    /// <summary>Xavier/Glorot uniform: U(−b, b), b = gain·√(6/(fan_in + fan_out)).</summary>
    public static void XavierUniform(Tensor w, Random rng, float gain = 1f)
    {
        (int fanIn, int fanOut) = Fans(w);
        Uniform(w, rng, gain * MathF.Sqrt(6f / (fanIn + fanOut)));
    }

    /// <summary>Xavier/Glorot normal: N(0, gain²·2/(fan_in + fan_out)).</summary>
    public static void XavierNormal(Tensor w, Random rng, float gain = 1f)
    {
        (int fanIn, int fanOut) = Fans(w);
        Normal(w, rng, gain * MathF.Sqrt(2f / (fanIn + fanOut)));
    }

    /// <summary>
    /// Orthogonal (Saxe et al.): the weight, viewed as [out, fan_in], gets orthonormal rows (or columns when out &gt;
    /// fan_in) times <paramref name="gain"/>; QR by modified Gram-Schmidt of a Gaussian matrix, with the sign fix that
    /// makes the distribution uniform. Used for PPO's heads (gain 0.01 and 1) and hidden layers (√2).
    /// </summary>
    public static void Orthogonal(Tensor w, Random rng, float gain = 1f)
    {
        int rows = w.Shape[0];
        int cols = w.Length / Math.Max(1, rows);
        bool transpose = rows < cols;
        int r = transpose ? cols : rows; // tall matrix r × c, r ≥ c
        int c = transpose ? rows : cols;
        double[] a = new double[r * c];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = Gaussian(rng);
        }

        // Modified Gram-Schmidt over the c columns of the tall matrix.
        for (int j = 0; j < c; j++)
        {
            for (int p = 0; p < j; p++)
            {
                double dot = 0;
                for (int i = 0; i < r; i++)
                {
                    dot += a[(i * c) + j] * a[(i * c) + p];
                }

                for (int i = 0; i < r; i++)
                {
                    a[(i * c) + j] -= dot * a[(i * c) + p];
                }
            }

            double norm = 0;
            for (int i = 0; i < r; i++)
            {
                norm += a[(i * c) + j] * a[(i * c) + j];
            }

            norm = Math.Sqrt(norm);
            for (int i = 0; i < r; i++)
            {
                a[(i * c) + j] /= norm;
            }
        }

        Span<float> ws = w.Span;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                double v = transpose ? a[(j * c) + i] : a[(i * c) + j];
                ws[(i * cols) + j] = (float)(gain * v);
            }
        }
    }

    /// <summary>PyTorch's default for Linear and Conv2d: U(−1/√fan_in, 1/√fan_in).</summary>
    public static void DefaultUniform(Tensor w, Random rng, int fanIn) => Uniform(w, rng, 1f / MathF.Sqrt(fanIn));

    /// <summary>U(−bound, bound).</summary>
    public static void Uniform(Tensor w, Random rng, float bound)
    {
        Span<float> s = w.Span;
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = (float)(((rng.NextDouble() * 2) - 1) * bound);
        }
    }

    /// <summary>N(0, std²).</summary>
    public static void Normal(Tensor w, Random rng, float std)
    {
        Span<float> s = w.Span;
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = (float)(Gaussian(rng) * std);
        }
    }

    /// <summary>Fills with a constant.</summary>
    public static void Constant(Tensor w, float value) => w.Span.Fill(value);

    /// <summary>A standard normal sample (Box-Muller).</summary>
    public static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static (int FanIn, int FanOut) Fans(Tensor w)
    {
        if (w.Rank < 2)
        {
            throw new ArgumentException($"Fan-based initialisation needs a weight of rank ≥ 2, got {w.ShapeString}.");
        }

        int receptive = w.Length / (w.Shape[0] * w.Shape[1]);
        return (w.Shape[1] * receptive, w.Shape[0] * receptive);
    }
}
