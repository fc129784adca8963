using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using Zero.Engine.Autograd;
using Zero.Engine.Tensors;

namespace Zero.Engine.Ops;

/// <summary>Softmax, log-softmax and the regression and classification losses.</summary>
public static partial class TensorOps
{
    /// <summary>Softmax over the last dimension.</summary>
    public static Tensor Softmax(this Tape tape, Tensor x) => SoftmaxLike(tape, x, OpKind.Softmax);

    /// <summary>Log-softmax over the last dimension (stable: x − max − log Σ e^(x − max)).</summary>
    public static Tensor LogSoftmax(this Tape tape, Tensor x) => SoftmaxLike(tape, x, OpKind.LogSoftmax);

    private static Tensor SoftmaxLike(Tape tape, Tensor x, OpKind kind)
    {
        if (x.Rank == 0 || x.Length == 0)
        {
            throw new ArgumentException($"{kind}: input {x.ShapeString} is empty.");
        }

        int a = x.Shape[^1];
        bool record = tape.ShouldRecord(x);
        Tensor y = tape.Alloc(x.Shape, record);
        ReadOnlySpan<float> xs = x.Span;
        Span<float> ys = y.Span;
        for (int r = 0; r < x.Length / a; r++)
        {
            if (kind == OpKind.Softmax)
            {
                RowSoftmax(xs.Slice(r * a, a), ys.Slice(r * a, a));
            }
            else
            {
                RowLogSoftmax(xs.Slice(r * a, a), ys.Slice(r * a, a));
            }
        }

        if (record)
        {
            ref TapeEntry e = ref tape.Record(kind, y);
            e.A = x;
        }

        return y;
    }

    /// <summary>Stable softmax of one row.</summary>
    internal static void RowSoftmax(ReadOnlySpan<float> x, Span<float> y)
    {
        float max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, y);
        TensorPrimitives.Exp(y, y);
        float sum = TensorPrimitives.Sum(y);
        TensorPrimitives.Multiply(y, 1f / sum, y);
    }

    /// <summary>Stable log-softmax of one row.</summary>
    internal static void RowLogSoftmax(ReadOnlySpan<float> x, Span<float> y)
    {
        float max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, y);
        float sum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            sum += MathF.Exp(y[i]);
        }

        TensorPrimitives.Subtract(y, MathF.Log(sum), y);
    }

    private static void SoftmaxBackward(ref TapeEntry e)
    {
        Tensor x = e.A!;
        if (!x.RequiresGrad)
        {
            return;
        }

        int a = x.Shape[^1];
        ReadOnlySpan<float> y = e.Out.Span;
        ReadOnlySpan<float> g = e.Out.Grad;
        Span<float> gx = x.Grad;
        for (int r = 0; r < x.Length / a; r++)
        {
            ReadOnlySpan<float> yr = y.Slice(r * a, a);
            ReadOnlySpan<float> gr = g.Slice(r * a, a);
            float dot = TensorPrimitives.Dot(yr, gr);
            Span<float> gxr = gx.Slice(r * a, a);
            for (int i = 0; i < a; i++)
            {
                gxr[i] += yr[i] * (gr[i] - dot);
            }
        }
    }

    private static void LogSoftmaxBackward(ref TapeEntry e)
    {
        Tensor x = e.A!;
        if (!x.RequiresGrad)
        {
            return;
        }

        int a = x.Shape[^1];
        ReadOnlySpan<float> y = e.Out.Span;
        ReadOnlySpan<float> g = e.Out.Grad;
        Span<float> gx = x.Grad;
        for (int r = 0; r < x.Length / a; r++)
        {
            ReadOnlySpan<float> yr = y.Slice(r * a, a);
            ReadOnlySpan<float> gr = g.Slice(r * a, a);
            float sum = TensorPrimitives.Sum(gr);
            Span<float> gxr = gx.Slice(r * a, a);
            for (int i = 0; i < a; i++)
            {
                gxr[i] += gr[i] - (MathF.Exp(yr[i]) * sum);
            }
        }
    }

    /// <summary>
    /// Policy loss: mean over rows of −Σ target · log softmax(logits), for logits and soft targets [N, A] (the targets are
    /// visit distributions; they need not sum to one). Returns a [1] tensor.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Tensor SoftCrossEntropy(this Tape tape, Tensor logits, Tensor target)
    {
        RequireSameShape(logits, target, "SoftCrossEntropy");
        int a = logits.Shape[^1];
        int rows = logits.Length / a;
        bool record = tape.ShouldRecord(logits);
        Tensor y = tape.Alloc(ScalarShape, record);
        Tensor logp = tape.Alloc(logits.Shape);
        ReadOnlySpan<float> xs = logits.Span;
        ReadOnlySpan<float> ts = target.Span;
        Span<float> lp = logp.Span;
        double loss = 0;
        for (int r = 0; r < rows; r++)
        {
            RowLogSoftmax(xs.Slice(r * a, a), lp.Slice(r * a, a));
            loss -= TensorPrimitives.Dot(ts.Slice(r * a, a), lp.Slice(r * a, a));
        }

        y[0] = (float)(loss / rows);
        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.SoftCrossEntropy, y);
            e.A = logits;
            e.B = target;
            e.Saved1 = logp;
        }

        return y;
    }

    private static void SoftCrossEntropyBackward(ref TapeEntry e)
    {
        Tensor logits = e.A!;
        if (!logits.RequiresGrad)
        {
            return;
        }

        int a = logits.Shape[^1];
        int rows = logits.Length / a;
        float g = e.Out.Grad[0] / rows;
        ReadOnlySpan<float> lp = e.Saved1!.Span;
        ReadOnlySpan<float> ts = e.B!.Span;
        Span<float> gx = logits.Grad;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> tr = ts.Slice(r * a, a);
            ReadOnlySpan<float> lr = lp.Slice(r * a, a);
            float tsum = TensorPrimitives.Sum(tr);
            Span<float> gr = gx.Slice(r * a, a);
            for (int i = 0; i < a; i++)
            {
                gr[i] += g * ((MathF.Exp(lr[i]) * tsum) - tr[i]);
            }
        }
    }

    /// <summary>Mean squared error mean((prediction − target)²) over all elements, as a [1] tensor.</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Tensor Mse(this Tape tape, Tensor prediction, Tensor target)
    {
        RequireSameShape(prediction, target, "Mse");
        bool record = tape.ShouldRecord(prediction, target);
        Tensor y = tape.Alloc(ScalarShape, record);
        float d = TensorPrimitives.Distance(prediction.Span, target.Span);
        y[0] = d * d / prediction.Length;
        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.Mse, y);
            e.A = prediction;
            e.B = target;
        }

        return y;
    }

    private static void MseBackward(ref TapeEntry e)
    {
        Tensor p = e.A!;
        Tensor t = e.B!;
        float k = 2f * e.Out.Grad[0] / p.Length;
        ReadOnlySpan<float> ps = p.Span;
        ReadOnlySpan<float> tsp = t.Span;
        Span<float> gp = p.RequiresGrad ? p.Grad : default;
        Span<float> gt = t.RequiresGrad ? t.Grad : default;
        for (int i = 0; i < ps.Length; i++)
        {
            float d = k * (ps[i] - tsp[i]);
            if (!gp.IsEmpty)
            {
                gp[i] += d;
            }

            if (!gt.IsEmpty)
            {
                gt[i] -= d;
            }
        }
    }

    /// <summary>
    /// Huber (smooth L1) loss, mean over elements: ½d² where |d| ≤ δ, else δ(|d| − ½δ), d = prediction − target.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes differ or δ ≤ 0.</exception>
    public static Tensor Huber(this Tape tape, Tensor prediction, Tensor target, float delta = 1f)
    {
        RequireSameShape(prediction, target, "Huber");
        if (!(delta > 0))
        {
            throw new ArgumentException($"Huber: delta must be positive, got {delta}.");
        }

        bool record = tape.ShouldRecord(prediction, target);
        Tensor y = tape.Alloc(ScalarShape, record);
        ReadOnlySpan<float> ps = prediction.Span;
        ReadOnlySpan<float> ts = target.Span;
        double sum = 0;
        for (int i = 0; i < ps.Length; i++)
        {
            float d = MathF.Abs(ps[i] - ts[i]);
            sum += d <= delta ? 0.5f * d * d : delta * (d - (0.5f * delta));
        }

        y[0] = (float)(sum / ps.Length);
        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.Huber, y);
            e.A = prediction;
            e.B = target;
            e.F0 = delta;
        }

        return y;
    }

    private static void HuberBackward(ref TapeEntry e)
    {
        Tensor p = e.A!;
        Tensor t = e.B!;
        float delta = e.F0;
        float k = e.Out.Grad[0] / p.Length;
        ReadOnlySpan<float> ps = p.Span;
        ReadOnlySpan<float> tsp = t.Span;
        Span<float> gp = p.RequiresGrad ? p.Grad : default;
        Span<float> gt = t.RequiresGrad ? t.Grad : default;
        for (int i = 0; i < ps.Length; i++)
        {
            float d = ps[i] - tsp[i];
            float gd = k * Math.Clamp(d, -delta, delta);
            if (!gp.IsEmpty)
            {
                gp[i] += gd;
            }

            if (!gt.IsEmpty)
            {
                gt[i] -= gd;
            }
        }
    }
}
