using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using System.Numerics;
using Zero.Engine.Autograd;
using Zero.Engine.Kernels;
using Zero.Engine.Tensors;

namespace Zero.Engine.Ops;

/// <summary>Image operations: convolution (on <see cref="Conv2dKernels"/>), batch normalisation, global average pooling and per-channel scaling (squeeze-excitation).</summary>
public static partial class TensorOps
{
    /// <summary>
    /// y[N, Cout, H, W] = conv(x[N, Cin, H, W], w[Cout, Cin, k, k]) (+ bias[Cout]); stride 1, zero padding k/2, k odd.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes do not fit or the kernel is not square and odd.</exception>
    public static Tensor Conv2d(this Tape tape, Tensor x, Tensor weight, Tensor? bias = null)
    {
        RequireRank(x, 4, "Conv2d", "input");
        RequireRank(weight, 4, "Conv2d", "weight");
        int n = x.Shape[0], cin = x.Shape[1], h = x.Shape[2], w = x.Shape[3];
        int cout = weight.Shape[0], k = weight.Shape[2];
        if (weight.Shape[1] != cin || weight.Shape[3] != k || (k & 1) == 0)
        {
            throw new ArgumentException($"Conv2d: weight {weight.ShapeString} does not fit input {x.ShapeString}; expected [Cout, {cin}, k, k] with k odd.");
        }

        if (bias is not null && (bias.Rank != 1 || bias.Shape[0] != cout))
        {
            throw new ArgumentException($"Conv2d: bias {bias.ShapeString} must be [{cout}].");
        }

        bool record = tape.ShouldRecord(x, weight, bias);
        Tensor y = tape.Alloc([n, cout, h, w], record);
        Conv2dKernels.Forward(x.Span, weight.Span, y.Span, n, cin, h, w, cout, k, tape.Pool);
        if (bias is not null)
        {
            int hw = h * w;
            Span<float> ys = y.Span;
            ReadOnlySpan<float> bs = bias.Span;
            for (int i = 0; i < n; i++)
            {
                for (int c = 0; c < cout; c++)
                {
                    Span<float> plane = ys.Slice(((i * cout) + c) * hw, hw);
                    TensorPrimitives.Add(plane, bs[c], plane);
                }
            }
        }

        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.Conv2d, y);
            e.A = x;
            e.B = weight;
            e.C = bias;
        }

        return y;
    }

    /// <summary>x.Grad += values[0..x.Length), split across the pool.</summary>
    private static void AddIntoGrad(Tape tape, Tensor x, float[] values)
    {
        _ = x.Grad;
        ParallelFor(tape, x.Length, (s, e) => TensorPrimitives.Add(x.Grad[s..e], values.AsSpan(s, e - s), x.Grad[s..e]));
    }

    private static void Conv2dBackward(Tape tape, ref TapeEntry e)
    {
        Tensor x = e.A!;
        Tensor weight = e.B!;
        Tensor? bias = e.C;
        int n = x.Shape[0], cin = x.Shape[1], h = x.Shape[2], w = x.Shape[3];
        int cout = weight.Shape[0], k = weight.Shape[2];
        ReadOnlySpan<float> gy = e.Out.Grad;
        if (x.RequiresGrad)
        {
            // The kernel overwrites its destination, so go through scratch and add.
            float[] tmp = tape.Scratch(0, x.Length);
            Span<float> gx = tmp.AsSpan(0, x.Length);
            Conv2dKernels.BackwardInput(gy, weight.Span, gx, n, cin, h, w, cout, k, tape.Pool);
            AddIntoGrad(tape, x, tmp);
        }

        if (weight.RequiresGrad)
        {
            Conv2dKernels.BackwardWeight(x.Span, gy, weight.Grad, n, cin, h, w, cout, k, true, tape.Pool);
        }

        if (bias is not null && bias.RequiresGrad)
        {
            int hw = h * w;
            Span<float> gb = bias.Grad;
            for (int i = 0; i < n; i++)
            {
                for (int c = 0; c < cout; c++)
                {
                    gb[c] += TensorPrimitives.Sum(gy.Slice(((i * cout) + c) * hw, hw));
                }
            }
        }
    }

    /// <summary>
    /// Batch normalisation over N, H, W of x[N, C, H, W] (also accepts [N, C]). In training mode it normalises with the
    /// batch statistics and updates the running statistics (running = (1 − momentum)·running + momentum·batch, the
    /// variance unbiased, as PyTorch); in evaluation mode it uses the running statistics. Channels run in parallel on
    /// the tape's pool; the backward pass recomputes x̂ from x and the saved (mean, 1/σ) instead of storing it.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes do not fit.</exception>
    public static Tensor BatchNorm(this Tape tape, Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar, bool training, float momentum = 0.1f, float eps = 1e-5f)
    {
        if (x.Rank != 4 && x.Rank != 2)
        {
            throw new ArgumentException($"BatchNorm: input must be [N, C, H, W] or [N, C], got {x.ShapeString}.");
        }

        int n = x.Shape[0], c = x.Shape[1];
        int hw = x.Rank == 4 ? x.Shape[2] * x.Shape[3] : 1;
        foreach (Tensor p in (ReadOnlySpan<Tensor>)[gamma, beta, runningMean, runningVar])
        {
            if (p.Length != c)
            {
                throw new ArgumentException($"BatchNorm: parameter {p.ShapeString} must have {c} elements for input {x.ShapeString}.");
            }
        }

        if (training && n * hw < 2)
        {
            throw new ArgumentException($"BatchNorm: training mode needs more than one value per channel, got input {x.ShapeString}; use evaluation mode for single positions.");
        }

        bool record = tape.ShouldRecord(x, gamma, beta);
        Tensor y = tape.Alloc(x.Shape, record);
        Tensor stats = tape.Alloc([2 * c]);
        var job = new BatchNormJob(x, y, gamma, beta, runningMean, runningVar, stats, n, c, hw, training, momentum, eps);
        RunChannels(tape, c, n * hw, job.Forward);
        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.BatchNorm2d, y);
            e.A = x;
            e.B = gamma;
            e.C = beta;
            e.Saved2 = stats;
            e.I0 = training ? 1 : 0;
        }

        return y;
    }

    /// <summary>Runs body(c0, c1) over channels, on the pool when the tensor is large enough to pay for the hand-off.</summary>
    private static void RunChannels(Tape tape, int channels, int perChannel, Action<int, int> body)
    {
        if (tape.Pool.Threads == 1 || (long)channels * perChannel < 32768)
        {
            body(0, channels);
        }
        else
        {
            tape.Pool.For(channels, 1, body);
        }
    }

    private static void BatchNormBackward(Tape tape, ref TapeEntry e)
    {
        Tensor x = e.A!;
        var job = new BatchNormJob(x, e.Out, e.B!, e.C!, null, null, e.Saved2!, x.Shape[0], x.Shape[1], x.Length / (x.Shape[0] * x.Shape[1]), e.I0 != 0, 0, 0);
        RunChannels(tape, x.Shape[1], x.Length / x.Shape[1], job.Backward);
    }

    /// <summary>
    /// One batch-norm call's arrays and sizes, so channel ranges can run on pool threads. Forward: per channel, shifted
    /// one-pass sums Σ(x−K), Σ(x−K)² (K = the channel's first value, so the variance does not cancel), then
    /// y = x·(γ/σ) + (β − μγ/σ). Backward: Σdy and Σdy·x give dβ, dγ and dx = a·dy + b·x + c per channel.
    /// </summary>
    private sealed class BatchNormJob(Tensor x, Tensor y, Tensor gamma, Tensor beta, Tensor? runningMean, Tensor? runningVar, Tensor stats, int n, int c, int hw, bool training, float momentum, float eps)
    {
        public void Forward(int c0, int c1)
        {
            ReadOnlySpan<float> xs = x.Span;
            Span<float> ys = y.Span;
            Span<float> st = stats.Span;
            Span<float> rm = runningMean!.Span;
            Span<float> rv = runningVar!.Span;
            ReadOnlySpan<float> g = gamma.Span;
            ReadOnlySpan<float> b = beta.Span;
            int m = n * hw;
            for (int ch = c0; ch < c1; ch++)
            {
                float mean;
                float istd;
                if (training)
                {
                    float k = xs[ch * hw];
                    double s1 = 0, s2 = 0;
                    for (int i = 0; i < n; i++)
                    {
                        (float a1, float a2) = ShiftedSums(xs.Slice(((i * c) + ch) * hw, hw), k);
                        s1 += a1;
                        s2 += a2;
                    }

                    double d = s1 / m;
                    double variance = Math.Max(0, (s2 / m) - (d * d));
                    mean = (float)(k + d);
                    istd = (float)(1.0 / Math.Sqrt(variance + eps));
                    rm[ch] = ((1 - momentum) * rm[ch]) + (momentum * mean);
                    rv[ch] = ((1 - momentum) * rv[ch]) + (momentum * (float)(variance * m / (m - 1)));
                }
                else
                {
                    mean = rm[ch];
                    istd = 1f / MathF.Sqrt(rv[ch] + eps);
                }

                st[ch] = mean;
                st[c + ch] = istd;
                float scale = g[ch] * istd;
                float shift = b[ch] - (mean * scale);
                for (int i = 0; i < n; i++)
                {
                    int off = ((i * c) + ch) * hw;
                    Affine(xs.Slice(off, hw), scale, shift, ys.Slice(off, hw));
                }
            }
        }

        public void Backward(int c0, int c1)
        {
            ReadOnlySpan<float> xs = x.Span;
            ReadOnlySpan<float> gy = y.Grad;
            ReadOnlySpan<float> st = stats.Span;
            ReadOnlySpan<float> g = gamma.Span;
            Span<float> gx = x.RequiresGrad ? x.Grad : default;
            Span<float> gg = gamma.RequiresGrad ? gamma.Grad : default;
            Span<float> gb = beta.RequiresGrad ? beta.Grad : default;
            int m = n * hw;
            for (int ch = c0; ch < c1; ch++)
            {
                // 1. Σdy and Σdy·x; dγ = Σdy·x̂ = σ⁻¹(Σdy·x − μΣdy), dβ = Σdy.
                float mean = st[ch];
                float istd = st[c + ch];
                double sdy = 0, sdyx = 0;
                for (int i = 0; i < n; i++)
                {
                    int off = ((i * c) + ch) * hw;
                    (float a1, float a2) = SumAndDot(gy.Slice(off, hw), xs.Slice(off, hw));
                    sdy += a1;
                    sdyx += a2;
                }

                double sumDyXh = istd * (sdyx - (mean * sdy));
                if (!gg.IsEmpty)
                {
                    gg[ch] += (float)sumDyXh;
                }

                if (!gb.IsEmpty)
                {
                    gb[ch] += (float)sdy;
                }

                if (gx.IsEmpty)
                {
                    continue;
                }

                // 2. dx = γσ⁻¹(dy − mean(dy) − x̂·mean(dy·x̂)) = a·dy + b·x + c (training); γσ⁻¹·dy (evaluation).
                double k = g[ch] * istd;
                double meanDy = training ? sdy / m : 0;
                double meanDyXh = training ? sumDyXh / m : 0;
                float a = (float)k;
                float bx = (float)(-k * meanDyXh * istd);
                float c0f = (float)((-k * meanDy) + (k * meanDyXh * istd * mean));
                for (int i = 0; i < n; i++)
                {
                    int off = ((i * c) + ch) * hw;
                    AccumulateAffine2(gy.Slice(off, hw), xs.Slice(off, hw), a, bx, c0f, gx.Slice(off, hw));
                }
            }
        }
    }

    /// <summary>(Σ(x − k), Σ(x − k)²) of one plane.</summary>
    private static (float Sum, float SumSq) ShiftedSums(ReadOnlySpan<float> x, float k)
    {
        int i = 0;
        float s1 = 0, s2 = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var vk = new Vector<float>(k);
            Vector<float> a1 = Vector<float>.Zero, a2 = Vector<float>.Zero;
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector<float> d = new Vector<float>(x[i..]) - vk;
                a1 += d;
                a2 += d * d;
            }

            s1 = Vector.Sum(a1);
            s2 = Vector.Sum(a2);
        }

        for (; i < x.Length; i++)
        {
            float d = x[i] - k;
            s1 += d;
            s2 += d * d;
        }

        return (s1, s2);
    }

    /// <summary>(Σg, Σg·x) of one plane.</summary>
    private static (float Sum, float Dot) SumAndDot(ReadOnlySpan<float> g, ReadOnlySpan<float> x)
    {
        int i = 0;
        float s1 = 0, s2 = 0;
        if (Vector.IsHardwareAccelerated && g.Length >= Vector<float>.Count)
        {
            Vector<float> a1 = Vector<float>.Zero, a2 = Vector<float>.Zero;
            for (; i <= g.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var vg = new Vector<float>(g[i..]);
                a1 += vg;
                a2 += vg * new Vector<float>(x[i..]);
            }

            s1 = Vector.Sum(a1);
            s2 = Vector.Sum(a2);
        }

        for (; i < g.Length; i++)
        {
            s1 += g[i];
            s2 += g[i] * x[i];
        }

        return (s1, s2);
    }

    /// <summary>y = a·x + b.</summary>
    private static void Affine(ReadOnlySpan<float> x, float a, float b, Span<float> y)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = new Vector<float>(a);
            var vb = new Vector<float>(b);
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                ((new Vector<float>(x[i..]) * va) + vb).CopyTo(y[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            y[i] = (x[i] * a) + b;
        }
    }

    /// <summary>gx += a·g + b·x + c.</summary>
    private static void AccumulateAffine2(ReadOnlySpan<float> g, ReadOnlySpan<float> x, float a, float b, float c, Span<float> gx)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = new Vector<float>(a);
            var vb = new Vector<float>(b);
            var vc = new Vector<float>(c);
            for (; i <= g.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (new Vector<float>(gx[i..]) + (new Vector<float>(g[i..]) * va) + (new Vector<float>(x[i..]) * vb) + vc).CopyTo(gx[i..]);
            }
        }

        for (; i < g.Length; i++)
        {
            gx[i] += (a * g[i]) + (b * x[i]) + c;
        }
    }

    /// <summary>Global average pooling: [N, C, H, W] → [N, C].</summary>
    public static Tensor GlobalAvgPool(this Tape tape, Tensor x)
    {
        RequireRank(x, 4, "GlobalAvgPool", "input");
        int n = x.Shape[0], c = x.Shape[1], hw = x.Shape[2] * x.Shape[3];
        bool record = tape.ShouldRecord(x);
        Tensor y = tape.Alloc([n, c], record);
        ReadOnlySpan<float> xs = x.Span;
        Span<float> ys = y.Span;
        float inv = 1f / hw;
        for (int i = 0; i < n * c; i++)
        {
            ys[i] = TensorPrimitives.Sum(xs.Slice(i * hw, hw)) * inv;
        }

        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.GlobalAvgPool, y);
            e.A = x;
        }

        return y;
    }

    private static void GlobalAvgPoolBackward(ref TapeEntry e)
    {
        Tensor x = e.A!;
        if (!x.RequiresGrad)
        {
            return;
        }

        int hw = x.Shape[2] * x.Shape[3];
        ReadOnlySpan<float> gy = e.Out.Grad;
        Span<float> gx = x.Grad;
        float inv = 1f / hw;
        for (int i = 0; i < gy.Length; i++)
        {
            Span<float> plane = gx.Slice(i * hw, hw);
            TensorPrimitives.Add(plane, gy[i] * inv, plane);
        }
    }

    /// <summary>y[n, c, h, w] = x[n, c, h, w] · s[n, c] (squeeze-excitation's rescaling).</summary>
    /// <exception cref="ArgumentException">Shapes do not fit.</exception>
    public static Tensor ScaleChannels(this Tape tape, Tensor x, Tensor s)
    {
        RequireRank(x, 4, "ScaleChannels", "input");
        if (s.Rank != 2 || s.Shape[0] != x.Shape[0] || s.Shape[1] != x.Shape[1])
        {
            throw new ArgumentException($"ScaleChannels: scale {s.ShapeString} must be [{x.Shape[0]}, {x.Shape[1]}].");
        }

        int hw = x.Shape[2] * x.Shape[3];
        bool record = tape.ShouldRecord(x, s);
        Tensor y = tape.Alloc(x.Shape, record);
        ReadOnlySpan<float> xs = x.Span;
        ReadOnlySpan<float> ss = s.Span;
        Span<float> ys = y.Span;
        for (int i = 0; i < ss.Length; i++)
        {
            TensorPrimitives.Multiply(xs.Slice(i * hw, hw), ss[i], ys.Slice(i * hw, hw));
        }

        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.ScaleChannels, y);
            e.A = x;
            e.B = s;
        }

        return y;
    }

    private static void ScaleChannelsBackward(ref TapeEntry e)
    {
        Tensor x = e.A!;
        Tensor s = e.B!;
        int hw = x.Shape[2] * x.Shape[3];
        ReadOnlySpan<float> gy = e.Out.Grad;
        ReadOnlySpan<float> xs = x.Span;
        ReadOnlySpan<float> ss = s.Span;
        Span<float> gx = x.RequiresGrad ? x.Grad : default;
        Span<float> gs = s.RequiresGrad ? s.Grad : default;
        for (int i = 0; i < ss.Length; i++)
        {
            ReadOnlySpan<float> gp = gy.Slice(i * hw, hw);
            if (!gx.IsEmpty)
            {
                Span<float> gxp = gx.Slice(i * hw, hw);
                TensorPrimitives.MultiplyAdd(gp, ss[i], gxp, gxp);
            }

            if (!gs.IsEmpty)
            {
                gs[i] += TensorPrimitives.Dot(gp, xs.Slice(i * hw, hw));
            }
        }
    }
}
