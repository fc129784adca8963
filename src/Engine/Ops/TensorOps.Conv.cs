using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
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
            TensorPrimitives.Add(x.Grad, gx, x.Grad);
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
    /// variance unbiased, as PyTorch); in evaluation mode it uses the running statistics.
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

        int m = n * hw;
        if (training && m < 2)
        {
            throw new ArgumentException($"BatchNorm: training mode needs more than one value per channel, got input {x.ShapeString}; use evaluation mode for single positions.");
        }

        bool record = tape.ShouldRecord(x, gamma, beta);
        Tensor y = tape.Alloc(x.Shape, record);
        Tensor xhat = tape.Alloc(x.Shape);
        Tensor invStd = tape.Alloc([c]);
        ReadOnlySpan<float> xs = x.Span;
        Span<float> ys = y.Span;
        Span<float> xh = xhat.Span;
        Span<float> rm = runningMean.Span;
        Span<float> rv = runningVar.Span;
        ReadOnlySpan<float> g = gamma.Span;
        ReadOnlySpan<float> bt = beta.Span;
        for (int ch = 0; ch < c; ch++)
        {
            float mean;
            float istd;
            if (training)
            {
                // Two-pass statistics in double for accuracy.
                double sum = 0;
                for (int i = 0; i < n; i++)
                {
                    sum += TensorPrimitives.Sum(xs.Slice(((i * c) + ch) * hw, hw));
                }

                double mu = sum / m;
                double sq = 0;
                for (int i = 0; i < n; i++)
                {
                    ReadOnlySpan<float> plane = xs.Slice(((i * c) + ch) * hw, hw);
                    for (int j = 0; j < plane.Length; j++)
                    {
                        double d = plane[j] - mu;
                        sq += d * d;
                    }
                }

                double var = sq / m;
                mean = (float)mu;
                istd = (float)(1.0 / Math.Sqrt(var + eps));
                rm[ch] = ((1 - momentum) * rm[ch]) + (momentum * mean);
                rv[ch] = ((1 - momentum) * rv[ch]) + (momentum * (float)(sq / (m - 1)));
            }
            else
            {
                mean = rm[ch];
                istd = 1f / MathF.Sqrt(rv[ch] + eps);
            }

            invStd[ch] = istd;
            float scale = g[ch];
            float shift = bt[ch];
            for (int i = 0; i < n; i++)
            {
                int off = ((i * c) + ch) * hw;
                Span<float> xhp = xh.Slice(off, hw);
                TensorPrimitives.Subtract(xs.Slice(off, hw), mean, xhp);
                TensorPrimitives.Multiply(xhp, istd, xhp);
                Span<float> yp = ys.Slice(off, hw);
                TensorPrimitives.Multiply(xhp, scale, yp);
                TensorPrimitives.Add(yp, shift, yp);
            }
        }

        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.BatchNorm2d, y);
            e.A = x;
            e.B = gamma;
            e.C = beta;
            e.Saved1 = xhat;
            e.Saved2 = invStd;
            e.I0 = training ? 1 : 0;
        }

        return y;
    }

    private static void BatchNormBackward(ref TapeEntry e)
    {
        Tensor x = e.A!;
        Tensor gamma = e.B!;
        Tensor beta = e.C!;
        ReadOnlySpan<float> xh = e.Saved1!.Span;
        ReadOnlySpan<float> istd = e.Saved2!.Span;
        ReadOnlySpan<float> gy = e.Out.Grad;
        bool training = e.I0 != 0;
        int n = x.Shape[0], c = x.Shape[1];
        int hw = x.Length / (n * c);
        int m = n * hw;
        ReadOnlySpan<float> g = gamma.Span;
        Span<float> gx = x.RequiresGrad ? x.Grad : default;
        Span<float> gg = gamma.RequiresGrad ? gamma.Grad : default;
        Span<float> gbt = beta.RequiresGrad ? beta.Grad : default;
        for (int ch = 0; ch < c; ch++)
        {
            // 1. Per-channel sums: dβ = Σ dy, dγ = Σ dy·x̂.
            float sumDy = 0;
            float sumDyXh = 0;
            for (int i = 0; i < n; i++)
            {
                int off = ((i * c) + ch) * hw;
                sumDy += TensorPrimitives.Sum(gy.Slice(off, hw));
                sumDyXh += TensorPrimitives.Dot(gy.Slice(off, hw), xh.Slice(off, hw));
            }

            if (!gg.IsEmpty)
            {
                gg[ch] += sumDyXh;
            }

            if (!gbt.IsEmpty)
            {
                gbt[ch] += sumDy;
            }

            if (gx.IsEmpty)
            {
                continue;
            }

            // 2. dx = γ·σ⁻¹ · (dy − mean(dy) − x̂·mean(dy·x̂)) in training; γ·σ⁻¹·dy in evaluation.
            float k = g[ch] * istd[ch];
            float meanDy = training ? sumDy / m : 0f;
            float meanDyXh = training ? sumDyXh / m : 0f;
            for (int i = 0; i < n; i++)
            {
                int off = ((i * c) + ch) * hw;
                ReadOnlySpan<float> gyp = gy.Slice(off, hw);
                ReadOnlySpan<float> xhp = xh.Slice(off, hw);
                Span<float> gxp = gx.Slice(off, hw);
                for (int j = 0; j < hw; j++)
                {
                    gxp[j] += k * (gyp[j] - meanDy - (xhp[j] * meanDyXh));
                }
            }
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
