using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using Zero.Engine.Autograd;
using Zero.Engine.Tensors;

namespace Zero.Engine.Ops;

/// <summary>
/// What the RL algorithms need from probability distributions: categorical log-probabilities and entropy (PPO with
/// discrete actions), diagonal-Gaussian log-probabilities and entropy (PPO, SAC) and the tanh-squash correction
/// (SAC). Each returns one value per row, [N].
/// </summary>
public static partial class TensorOps
{
    private const float HalfLog2Pi = 0.918938533204672741780329736f;
    private const float Log2 = 0.693147180559945309417232121458f;

    /// <summary>
    /// log π(a_n | logits_n) for logits [N, A] and actions a (length ≥ N). The action array is read again by the
    /// backward pass: do not change it before then.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes do not fit or an action is out of range.</exception>
    public static Tensor CategoricalLogProb(this Tape tape, Tensor logits, int[] actions)
    {
        RequireRank(logits, 2, "CategoricalLogProb", "logits");
        int n = logits.Shape[0], a = logits.Shape[1];
        if (actions.Length < n)
        {
            throw new ArgumentException($"CategoricalLogProb: {actions.Length} actions for {n} rows.");
        }

        bool record = tape.ShouldRecord(logits);
        Tensor y = tape.Alloc([n], record);
        Tensor logp = tape.Alloc(logits.Shape);
        ReadOnlySpan<float> xs = logits.Span;
        Span<float> lp = logp.Span;
        for (int i = 0; i < n; i++)
        {
            int k = actions[i];
            if ((uint)k >= (uint)a)
            {
                throw new ArgumentException($"CategoricalLogProb: action {k} in row {i} is outside 0..{a - 1}.");
            }

            RowLogSoftmax(xs.Slice(i * a, a), lp.Slice(i * a, a));
            y[i] = lp[(i * a) + k];
        }

        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.CategoricalLogProb, y);
            e.A = logits;
            e.Saved1 = logp;
            e.Obj = actions;
        }

        return y;
    }

    private static void CategoricalLogProbBackward(ref TapeEntry e)
    {
        Tensor logits = e.A!;
        if (!logits.RequiresGrad)
        {
            return;
        }

        var actions = (int[])e.Obj!;
        int n = logits.Shape[0], a = logits.Shape[1];
        ReadOnlySpan<float> lp = e.Saved1!.Span;
        ReadOnlySpan<float> g = e.Out.Grad;
        Span<float> gx = logits.Grad;
        for (int i = 0; i < n; i++)
        {
            // d log p_k / dz_j = 1[j = k] − p_j
            Span<float> gr = gx.Slice(i * a, a);
            ReadOnlySpan<float> lr = lp.Slice(i * a, a);
            for (int j = 0; j < a; j++)
            {
                gr[j] -= g[i] * MathF.Exp(lr[j]);
            }

            gr[actions[i]] += g[i];
        }
    }

    /// <summary>Entropy −Σ p log p of the categorical distribution of each row of logits [N, A].</summary>
    public static Tensor CategoricalEntropy(this Tape tape, Tensor logits)
    {
        RequireRank(logits, 2, "CategoricalEntropy", "logits");
        int n = logits.Shape[0], a = logits.Shape[1];
        bool record = tape.ShouldRecord(logits);
        Tensor y = tape.Alloc([n], record);
        Tensor logp = tape.Alloc(logits.Shape);
        ReadOnlySpan<float> xs = logits.Span;
        Span<float> lp = logp.Span;
        for (int i = 0; i < n; i++)
        {
            Span<float> lr = lp.Slice(i * a, a);
            RowLogSoftmax(xs.Slice(i * a, a), lr);
            float h = 0;
            for (int j = 0; j < a; j++)
            {
                h -= MathF.Exp(lr[j]) * lr[j];
            }

            y[i] = h;
        }

        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.CategoricalEntropy, y);
            e.A = logits;
            e.Saved1 = logp;
        }

        return y;
    }

    private static void CategoricalEntropyBackward(ref TapeEntry e)
    {
        Tensor logits = e.A!;
        if (!logits.RequiresGrad)
        {
            return;
        }

        int n = logits.Shape[0], a = logits.Shape[1];
        ReadOnlySpan<float> lp = e.Saved1!.Span;
        ReadOnlySpan<float> h = e.Out.Span;
        ReadOnlySpan<float> g = e.Out.Grad;
        Span<float> gx = logits.Grad;
        for (int i = 0; i < n; i++)
        {
            // dH/dz_j = −p_j (log p_j + H)
            Span<float> gr = gx.Slice(i * a, a);
            ReadOnlySpan<float> lr = lp.Slice(i * a, a);
            for (int j = 0; j < a; j++)
            {
                gr[j] -= g[i] * MathF.Exp(lr[j]) * (lr[j] + h[i]);
            }
        }
    }

    /// <summary>
    /// Σ_d log N(action | mean, exp(logStd)) per row, for mean and action [N, D] and logStd [N, D] or [D] (a
    /// state-independent log standard deviation, as in PPO).
    /// </summary>
    /// <exception cref="ArgumentException">Shapes do not fit.</exception>
    public static Tensor GaussianLogProb(this Tape tape, Tensor mean, Tensor logStd, Tensor action)
    {
        RequireRank(mean, 2, "GaussianLogProb", "mean");
        RequireSameShape(mean, action, "GaussianLogProb");
        int n = mean.Shape[0], d = mean.Shape[1];
        bool shared = CheckLogStd(logStd, n, d, "GaussianLogProb");
        bool record = tape.ShouldRecord(mean, logStd, action);
        Tensor y = tape.Alloc([n], record);
        ReadOnlySpan<float> mu = mean.Span;
        ReadOnlySpan<float> ls = logStd.Span;
        ReadOnlySpan<float> ac = action.Span;
        for (int i = 0; i < n; i++)
        {
            float s = 0;
            for (int j = 0; j < d; j++)
            {
                float l = ls[shared ? j : (i * d) + j];
                float z = (ac[(i * d) + j] - mu[(i * d) + j]) * MathF.Exp(-l);
                s += (-0.5f * z * z) - l - HalfLog2Pi;
            }

            y[i] = s;
        }

        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.GaussianLogProb, y);
            e.A = mean;
            e.B = logStd;
            e.C = action;
            e.I0 = shared ? 1 : 0;
        }

        return y;
    }

    private static bool CheckLogStd(Tensor logStd, int n, int d, string op)
    {
        if (logStd.Rank == 1 && logStd.Shape[0] == d)
        {
            return true;
        }

        if (logStd.Rank == 2 && logStd.Shape[0] == n && logStd.Shape[1] == d)
        {
            return false;
        }

        throw new ArgumentException($"{op}: logStd {logStd.ShapeString} must be [{d}] or [{n}, {d}].");
    }

    private static void GaussianLogProbBackward(ref TapeEntry e)
    {
        Tensor mean = e.A!;
        Tensor logStd = e.B!;
        Tensor action = e.C!;
        bool shared = e.I0 != 0;
        int n = mean.Shape[0], d = mean.Shape[1];
        ReadOnlySpan<float> mu = mean.Span;
        ReadOnlySpan<float> ls = logStd.Span;
        ReadOnlySpan<float> ac = action.Span;
        ReadOnlySpan<float> g = e.Out.Grad;
        Span<float> gm = mean.RequiresGrad ? mean.Grad : default;
        Span<float> gl = logStd.RequiresGrad ? logStd.Grad : default;
        Span<float> ga = action.RequiresGrad ? action.Grad : default;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                int k = (i * d) + j;
                int kl = shared ? j : k;
                float inv = MathF.Exp(-ls[kl]);
                float z = (ac[k] - mu[k]) * inv;
                float dmu = g[i] * z * inv;
                if (!gm.IsEmpty)
                {
                    gm[k] += dmu;
                }

                if (!ga.IsEmpty)
                {
                    ga[k] -= dmu;
                }

                if (!gl.IsEmpty)
                {
                    gl[kl] += g[i] * ((z * z) - 1f);
                }
            }
        }
    }

    /// <summary>
    /// Entropy of a diagonal Gaussian, Σ_d (½ + ½ log 2π + logStd_d), per row: logStd [N, D] gives [N], logStd [D] gives [1].
    /// </summary>
    public static Tensor GaussianEntropy(this Tape tape, Tensor logStd)
    {
        if (logStd.Rank is not 1 and not 2)
        {
            throw new ArgumentException($"GaussianEntropy: logStd must be [D] or [N, D], got {logStd.ShapeString}.");
        }

        int d = logStd.Shape[^1];
        int rows = logStd.Length / Math.Max(1, d);
        bool record = tape.ShouldRecord(logStd);
        Tensor y = tape.Alloc([rows], record);
        ReadOnlySpan<float> ls = logStd.Span;
        for (int i = 0; i < rows; i++)
        {
            y[i] = TensorPrimitives.Sum(ls.Slice(i * d, d)) + (d * (0.5f + HalfLog2Pi));
        }

        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.GaussianEntropy, y);
            e.A = logStd;
        }

        return y;
    }

    private static void GaussianEntropyBackward(ref TapeEntry e)
    {
        Tensor logStd = e.A!;
        if (!logStd.RequiresGrad)
        {
            return;
        }

        int d = logStd.Shape[^1];
        ReadOnlySpan<float> g = e.Out.Grad;
        Span<float> gl = logStd.Grad;
        for (int i = 0; i < g.Length; i++)
        {
            Span<float> row = gl.Slice(i * d, d);
            TensorPrimitives.Add(row, g[i], row);
        }
    }

    /// <summary>
    /// Σ_d log(1 − tanh²(u_d)) per row of the pre-squash action u [N, D], computed stably as 2(log 2 − u − softplus(−2u)).
    /// SAC's log-probability of a = tanh(u) is GaussianLogProb(u) − TanhSquashCorrection(u).
    /// </summary>
    public static Tensor TanhSquashCorrection(this Tape tape, Tensor u)
    {
        RequireRank(u, 2, "TanhSquashCorrection", "u");
        int n = u.Shape[0], d = u.Shape[1];
        bool record = tape.ShouldRecord(u);
        Tensor y = tape.Alloc([n], record);
        ReadOnlySpan<float> us = u.Span;
        for (int i = 0; i < n; i++)
        {
            float s = 0;
            for (int j = 0; j < d; j++)
            {
                float x = us[(i * d) + j];
                s += 2f * (Log2 - x - Softplus(-2f * x));
            }

            y[i] = s;
        }

        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.TanhSquashCorrection, y);
            e.A = u;
        }

        return y;
    }

    private static void TanhSquashBackward(ref TapeEntry e)
    {
        Tensor u = e.A!;
        if (!u.RequiresGrad)
        {
            return;
        }

        int n = u.Shape[0], d = u.Shape[1];
        ReadOnlySpan<float> us = u.Span;
        ReadOnlySpan<float> g = e.Out.Grad;
        Span<float> gu = u.Grad;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                int k = (i * d) + j;
                gu[k] -= 2f * g[i] * MathF.Tanh(us[k]);
            }
        }
    }
}
