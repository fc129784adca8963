using Zero.Engine.Autograd;
using Zero.Engine.Tensors;

namespace Zero.Engine.Tests.Autograd;

/// <summary>
/// Finite-difference gradient checking: compares the tape's gradients of L = Σ rᵢ·yᵢ (r a fixed random projection,
/// L accumulated in double) with central differences (L(x + ε) − L(x − ε)) / 2ε for a sample of every input's
/// elements. Used by every operation and module test.
/// </summary>
internal static class GradCheck
{
    public static Tensor Random(Random rng, float scale, params int[] shape)
    {
        var t = new Tensor(shape);
        for (int i = 0; i < t.Length; i++)
        {
            t[i] = (float)((rng.NextDouble() * 2) - 1) * scale;
        }

        return t;
    }

    /// <summary>Values in ±[margin, scale] (away from kinks at 0).</summary>
    public static Tensor RandomAwayFromZero(Random rng, float scale, float margin, params int[] shape)
    {
        var t = new Tensor(shape);
        for (int i = 0; i < t.Length; i++)
        {
            float v = margin + ((float)rng.NextDouble() * (scale - margin));
            t[i] = rng.Next(2) == 0 ? v : -v;
        }

        return t;
    }

    public static Tensor Param(Random rng, float scale, params int[] shape)
    {
        Tensor t = Random(rng, scale, shape);
        t.RequiresGrad = true;
        return t;
    }

    /// <summary>Checks the gradients of every input that requires one; throws with the worst element on failure.</summary>
    public static void Check(Func<Tape, Tensor> f, Tensor[] inputs, float eps = 1e-2f, double rtol = 2e-2, double atol = 2e-3, int maxElements = 48, int seed = 7)
    {
        var rng = new Random(seed);
        var tape = new Tape();

        // 1. Analytic gradients.
        foreach (Tensor t in inputs)
        {
            t.ZeroGrad();
        }

        Tensor y = f(tape);
        float[] r = new float[y.Length];
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = (float)((rng.NextDouble() * 2) - 1);
        }

        tape.Backward(y, r);
        var analytic = inputs.Select(t => t.RequiresGrad ? t.Grad.ToArray() : null).ToArray();

        // 2. Numerical gradients on a sample of elements.
        double Loss()
        {
            tape.Reset();
            using NoGradScope scope = tape.NoGrad();
            Tensor yy = f(tape);
            double s = 0;
            for (int i = 0; i < r.Length; i++)
            {
                s += r[i] * (double)yy[i];
            }

            return s;
        }

        for (int ti = 0; ti < inputs.Length; ti++)
        {
            Tensor t = inputs[ti];
            if (analytic[ti] is not float[] a)
            {
                continue;
            }

            int count = Math.Min(maxElements, t.Length);
            for (int c = 0; c < count; c++)
            {
                int i = t.Length <= maxElements ? c : rng.Next(t.Length);
                float saved = t[i];
                t[i] = saved + eps;
                double plus = Loss();
                t[i] = saved - eps;
                double minus = Loss();
                t[i] = saved;
                double numeric = (plus - minus) / (2 * eps);
                double diff = Math.Abs(numeric - a[i]);
                if (diff > atol + (rtol * Math.Max(Math.Abs(numeric), Math.Abs(a[i]))))
                {
                    Assert.Fail($"Input {ti} {t.ShapeString} element {i}: analytic {a[i]:G6}, numeric {numeric:G6} (diff {diff:G3}).");
                }
            }
        }
    }
}
