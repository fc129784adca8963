using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using System.Numerics;
using Zero.Engine.Autograd;
using Zero.Engine.Tensors;

namespace Zero.Engine.Ops;

/// <summary>Elementwise operations: broadcasting add/sub/mul, activations and scalar maps.</summary>
public static partial class TensorOps
{
    private const int MaxRank = 8;

    /// <summary>a + b with NumPy broadcasting (shapes aligned from the right; a dimension of 1 stretches).</summary>
    public static Tensor Add(this Tape tape, Tensor a, Tensor b) => Broadcast(tape, OpKind.Add, a, b);

    /// <summary>a − b with NumPy broadcasting.</summary>
    public static Tensor Sub(this Tape tape, Tensor a, Tensor b) => Broadcast(tape, OpKind.Sub, a, b);

    /// <summary>a ⊙ b with NumPy broadcasting.</summary>
    public static Tensor Mul(this Tape tape, Tensor a, Tensor b) => Broadcast(tape, OpKind.Mul, a, b);

    /// <summary>x + c.</summary>
    public static Tensor AddScalar(this Tape tape, Tensor x, float c) => Unary(tape, OpKind.AddScalar, x, c, 0);

    /// <summary>c · x.</summary>
    public static Tensor Scale(this Tape tape, Tensor x, float c) => Unary(tape, OpKind.Scale, x, c, 0);

    /// <summary>−x.</summary>
    public static Tensor Neg(this Tape tape, Tensor x) => Unary(tape, OpKind.Scale, x, -1f, 0);

    /// <summary>max(x, 0).</summary>
    public static Tensor Relu(this Tape tape, Tensor x) => Unary(tape, OpKind.Relu, x, 0, 0);

    /// <summary>tanh(x).</summary>
    public static Tensor Tanh(this Tape tape, Tensor x) => Unary(tape, OpKind.Tanh, x, 0, 0);

    /// <summary>1 / (1 + e^−x).</summary>
    public static Tensor Sigmoid(this Tape tape, Tensor x) => Unary(tape, OpKind.Sigmoid, x, 0, 0);

    /// <summary>log(1 + e^x), computed stably.</summary>
    public static Tensor Softplus(this Tape tape, Tensor x) => Unary(tape, OpKind.Softplus, x, 0, 0);

    /// <summary>e^x.</summary>
    public static Tensor Exp(this Tape tape, Tensor x) => Unary(tape, OpKind.Exp, x, 0, 0);

    /// <summary>ln x.</summary>
    public static Tensor Log(this Tape tape, Tensor x) => Unary(tape, OpKind.Log, x, 0, 0);

    /// <summary>x².</summary>
    public static Tensor Square(this Tape tape, Tensor x) => Unary(tape, OpKind.Square, x, 0, 0);

    /// <summary>min(max(x, lo), hi); the gradient passes where lo ≤ x ≤ hi (as PyTorch's clamp).</summary>
    public static Tensor Clamp(this Tape tape, Tensor x, float lo, float hi) => Unary(tape, OpKind.Clamp, x, lo, hi);

    /// <summary>Elementwise minimum of two same-shaped tensors (the gradient goes to the smaller; ties to a).</summary>
    public static Tensor Minimum(this Tape tape, Tensor a, Tensor b) => MinMax(tape, OpKind.Minimum, a, b);

    /// <summary>Elementwise maximum of two same-shaped tensors (the gradient goes to the larger; ties to a).</summary>
    public static Tensor Maximum(this Tape tape, Tensor a, Tensor b) => MinMax(tape, OpKind.Maximum, a, b);

    /// <summary>A copy of x that does not require a gradient (stops gradients, e.g. for targets).</summary>
    public static Tensor Detach(this Tape tape, Tensor x)
    {
        Tensor y = tape.Alloc(x.Shape);
        x.Span.CopyTo(y.Span);
        return y;
    }

    private static Tensor Unary(Tape tape, OpKind kind, Tensor x, float f0, float f1)
    {
        bool record = tape.ShouldRecord(x);
        Tensor y = tape.Alloc(x.Shape, record);
        ReadOnlySpan<float> xs = x.Span;
        Span<float> ys = y.Span;
        switch (kind)
        {
            case OpKind.AddScalar:
                TensorPrimitives.Add(xs, f0, ys);
                break;
            case OpKind.Scale:
                TensorPrimitives.Multiply(xs, f0, ys);
                break;
            case OpKind.Relu:
                if (xs.Length >= ParallelThreshold)
                {
                    ParallelRelu(tape, x, y);
                }
                else
                {
                    TensorPrimitives.Max(xs, 0f, ys);
                }

                break;
            case OpKind.Tanh:
                TensorPrimitives.Tanh(xs, ys);
                break;
            case OpKind.Sigmoid:
                TensorPrimitives.Sigmoid(xs, ys);
                break;
            case OpKind.Softplus:
                for (int i = 0; i < xs.Length; i++)
                {
                    ys[i] = Softplus(xs[i]);
                }

                break;
            case OpKind.Exp:
                TensorPrimitives.Exp(xs, ys);
                break;
            case OpKind.Log:
                TensorPrimitives.Log(xs, ys);
                break;
            case OpKind.Square:
                TensorPrimitives.Multiply(xs, xs, ys);
                break;
            case OpKind.Clamp:
                if (f0 > f1)
                {
                    throw new ArgumentException($"Clamp: lower bound {f0} is above upper bound {f1}.");
                }

                TensorPrimitives.Max(xs, f0, ys);
                TensorPrimitives.Min(ys, f1, ys);
                break;
            default:
                throw new InvalidOperationException($"{kind} is not unary.");
        }

        if (record)
        {
            ref TapeEntry e = ref tape.Record(kind, y);
            e.A = x;
            e.F0 = f0;
            e.F1 = f1;
        }

        return y;
    }

    internal static float Softplus(float x) => x > 0 ? x + MathF.Log(1f + MathF.Exp(-x)) : MathF.Log(1f + MathF.Exp(x));

    private static void UnaryBackward(Tape tape, ref TapeEntry e)
    {
        Tensor x = e.A!;
        if (!x.RequiresGrad)
        {
            return;
        }

        if (e.Kind == OpKind.Relu && x.Length >= ParallelThreshold)
        {
            ParallelReluBackward(tape, e.Out, x);
            return;
        }

        ReadOnlySpan<float> g = e.Out.Grad;
        ReadOnlySpan<float> y = e.Out.Span;
        ReadOnlySpan<float> xs = x.Span;
        Span<float> gx = x.Grad;
        switch (e.Kind)
        {
            case OpKind.AddScalar:
                TensorPrimitives.Add(gx, g, gx);
                break;
            case OpKind.Scale:
                TensorPrimitives.MultiplyAdd(g, e.F0, gx, gx);
                break;
            case OpKind.Relu:
                ReluBackward(g, y, gx);
                break;
            case OpKind.Tanh:
                TanhBackward(g, y, gx);
                break;
            case OpKind.Sigmoid:
                for (int i = 0; i < gx.Length; i++)
                {
                    gx[i] += g[i] * y[i] * (1f - y[i]);
                }

                break;
            case OpKind.Softplus:
                for (int i = 0; i < gx.Length; i++)
                {
                    gx[i] += g[i] / (1f + MathF.Exp(-xs[i]));
                }

                break;
            case OpKind.Exp:
                TensorPrimitives.MultiplyAdd(g, y, gx, gx);
                break;
            case OpKind.Log:
                for (int i = 0; i < gx.Length; i++)
                {
                    gx[i] += g[i] / xs[i];
                }

                break;
            case OpKind.Square:
                for (int i = 0; i < gx.Length; i++)
                {
                    gx[i] += 2f * xs[i] * g[i];
                }

                break;
            case OpKind.Clamp:
                for (int i = 0; i < gx.Length; i++)
                {
                    if (xs[i] >= e.F0 && xs[i] <= e.F1)
                    {
                        gx[i] += g[i];
                    }
                }

                break;
        }
    }

    // Lambdas live in these helpers so that the small-tensor paths above allocate no closure.
    private static void ParallelRelu(Tape tape, Tensor x, Tensor y) =>
        ParallelFor(tape, x.Length, (s, e) => TensorPrimitives.Max(x.Span[s..e], 0f, y.Span[s..e]));

    private static void ParallelReluBackward(Tape tape, Tensor y, Tensor x)
    {
        _ = x.Grad;
        ParallelFor(tape, x.Length, (s, e) => ReluBackward(y.Grad[s..e], y.Span[s..e], x.Grad[s..e]));
    }

    private static void ParallelAdd(Tape tape, Tensor a, Tensor b, Tensor y) =>
        ParallelFor(tape, a.Length, (s, e) => TensorPrimitives.Add(a.Span[s..e], b.Span[s..e], y.Span[s..e]));

    private static void ParallelAddBackward(Tape tape, Tensor o, Tensor a, Tensor b)
    {
        bool needA = a.RequiresGrad;
        bool needB = b.RequiresGrad;
        if (needA)
        {
            _ = a.Grad;
        }

        if (needB)
        {
            _ = b.Grad;
        }

        ParallelFor(tape, a.Length, (s, e) =>
        {
            ReadOnlySpan<float> gs = o.Grad[s..e];
            if (needA)
            {
                TensorPrimitives.Add(a.Grad[s..e], gs, a.Grad[s..e]);
            }

            if (needB)
            {
                TensorPrimitives.Add(b.Grad[s..e], gs, b.Grad[s..e]);
            }
        });
    }

    /// <summary>gx += g where y &gt; 0 (vectorised; the RL networks spend a visible share of a step here).</summary>
    private static void ReluBackward(ReadOnlySpan<float> g, ReadOnlySpan<float> y, Span<float> gx)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<float>.Count;
            for (; i <= gx.Length - w; i += w)
            {
                var mask = Vector.GreaterThan(new Vector<float>(y[i..]), Vector<float>.Zero);
                (new Vector<float>(gx[i..]) + Vector.ConditionalSelect(mask, new Vector<float>(g[i..]), Vector<float>.Zero)).CopyTo(gx[i..]);
            }
        }

        for (; i < gx.Length; i++)
        {
            if (y[i] > 0)
            {
                gx[i] += g[i];
            }
        }
    }

    /// <summary>gx += g·(1 − y²) (vectorised).</summary>
    private static void TanhBackward(ReadOnlySpan<float> g, ReadOnlySpan<float> y, Span<float> gx)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<float>.Count;
            for (; i <= gx.Length - w; i += w)
            {
                var vy = new Vector<float>(y[i..]);
                (new Vector<float>(gx[i..]) + (new Vector<float>(g[i..]) * (Vector<float>.One - (vy * vy)))).CopyTo(gx[i..]);
            }
        }

        for (; i < gx.Length; i++)
        {
            gx[i] += g[i] * (1f - (y[i] * y[i]));
        }
    }

    /// <summary>The op's name for error messages, without the allocation of <c>Enum.ToString</c> on every call.</summary>
    private static string OpName(OpKind kind) => kind switch
    {
        OpKind.Add => "Add",
        OpKind.Sub => "Sub",
        OpKind.Mul => "Mul",
        OpKind.Minimum => "Minimum",
        OpKind.Maximum => "Maximum",
        _ => "elementwise op",
    };

    private static Tensor MinMax(Tape tape, OpKind kind, Tensor a, Tensor b)
    {
        RequireSameShape(a, b, OpName(kind));
        bool record = tape.ShouldRecord(a, b);
        Tensor y = tape.Alloc(a.Shape, record);
        if (kind == OpKind.Minimum)
        {
            TensorPrimitives.Min(a.Span, b.Span, y.Span);
        }
        else
        {
            TensorPrimitives.Max(a.Span, b.Span, y.Span);
        }

        if (record)
        {
            ref TapeEntry e = ref tape.Record(kind, y);
            e.A = a;
            e.B = b;
        }

        return y;
    }

    private static void MinMaxBackward(ref TapeEntry e)
    {
        ReadOnlySpan<float> g = e.Out.Grad;
        ReadOnlySpan<float> a = e.A!.Span;
        ReadOnlySpan<float> b = e.B!.Span;
        bool min = e.Kind == OpKind.Minimum;
        Span<float> ga = e.A.RequiresGrad ? e.A.Grad : default;
        Span<float> gb = e.B.RequiresGrad ? e.B.Grad : default;
        for (int i = 0; i < g.Length; i++)
        {
            bool toA = min ? a[i] <= b[i] : a[i] >= b[i];
            if (toA)
            {
                if (!ga.IsEmpty)
                {
                    ga[i] += g[i];
                }
            }
            else if (!gb.IsEmpty)
            {
                gb[i] += g[i];
            }
        }
    }

    // ---- broadcasting ----

    /// <summary>
    /// Broadcast layout after collapsing: output dims d[0..rank), and for a and b the stride of each dim (0 where the
    /// operand is stretched). Adjacent dims with the same stretch pattern are merged, so [N,C,H,W]·[N,C,1,1] becomes
    /// [N·C, H·W]·[N·C, 1] and the inner loop runs over whole rows.
    /// </summary>
    private static int PlanBroadcast(ReadOnlySpan<int> sa, ReadOnlySpan<int> sb, Span<int> outShape, Span<int> dims, Span<int> strideA, Span<int> strideB, string op)
    {
        int rank = Math.Max(sa.Length, sb.Length);
        if (rank > MaxRank)
        {
            throw new ArgumentException($"{op}: rank {rank} is above the supported {MaxRank}.");
        }

        Span<int> da = stackalloc int[MaxRank];
        Span<int> db = stackalloc int[MaxRank];
        for (int i = 0; i < rank; i++)
        {
            int ia = i - (rank - sa.Length);
            int ib = i - (rank - sb.Length);
            da[i] = ia >= 0 ? sa[ia] : 1;
            db[i] = ib >= 0 ? sb[ib] : 1;
            if (da[i] != db[i] && da[i] != 1 && db[i] != 1)
            {
                throw new ArgumentException($"{op}: shapes {Tensor.ShapeToString(sa)} and {Tensor.ShapeToString(sb)} do not broadcast (dimension {i}: {da[i]} vs {db[i]}).");
            }

            outShape[i] = Math.Max(da[i], db[i]);
        }

        // Collapse: drop size-1 output dims, merge neighbours with equal (a stretched, b stretched) flags.
        int n = 0;
        int prevFlags = -1;
        for (int i = 0; i < rank; i++)
        {
            int d = outShape[i];
            if (d == 1)
            {
                continue;
            }

            int flags = (da[i] == 1 ? 1 : 0) | (db[i] == 1 ? 2 : 0);
            if (flags == prevFlags)
            {
                dims[n - 1] *= d;
            }
            else
            {
                dims[n] = d;
                strideA[n] = (flags & 1) != 0 ? 0 : 1;
                strideB[n] = (flags & 2) != 0 ? 0 : 1;
                n++;
                prevFlags = flags;
            }
        }

        if (n == 0)
        {
            dims[0] = 1;
            strideA[0] = 1;
            strideB[0] = 1;
            n = 1;
        }

        // Turn the 0/1 flags into element strides of the contiguous operands.
        int accA = 1;
        int accB = 1;
        for (int i = n - 1; i >= 0; i--)
        {
            if (strideA[i] != 0)
            {
                strideA[i] = accA;
                accA *= dims[i];
            }

            if (strideB[i] != 0)
            {
                strideB[i] = accB;
                accB *= dims[i];
            }
        }

        return n;
    }

    private static Tensor Broadcast(Tape tape, OpKind kind, Tensor a, Tensor b)
    {
        bool record = tape.ShouldRecord(a, b);
        Tensor y;
        if (a.ShapeEquals(b.Shape))
        {
            y = tape.Alloc(a.Shape, record);
            switch (kind)
            {
                case OpKind.Add when a.Length >= ParallelThreshold:
                    ParallelAdd(tape, a, b, y);
                    break;
                case OpKind.Add: TensorPrimitives.Add(a.Span, b.Span, y.Span); break;
                case OpKind.Sub: TensorPrimitives.Subtract(a.Span, b.Span, y.Span); break;
                default: TensorPrimitives.Multiply(a.Span, b.Span, y.Span); break;
            }
        }
        else
        {
            int rank = Math.Max(a.Rank, b.Rank);
            Span<int> outShape = stackalloc int[MaxRank];
            Span<int> dims = stackalloc int[MaxRank];
            Span<int> stA = stackalloc int[MaxRank];
            Span<int> stB = stackalloc int[MaxRank];
            int n = PlanBroadcast(a.Shape, b.Shape, outShape, dims, stA, stB, OpName(kind));
            y = tape.Alloc(outShape[..rank], record);
            BroadcastForward(kind, a.Span, b.Span, y.Span, dims[..n], stA[..n], stB[..n]);
        }

        if (record)
        {
            ref TapeEntry e = ref tape.Record(kind, y);
            e.A = a;
            e.B = b;
        }

        return y;
    }

    private static void BroadcastForward(OpKind kind, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y, ReadOnlySpan<int> dims, ReadOnlySpan<int> stA, ReadOnlySpan<int> stB)
    {
        int n = dims.Length;
        int inner = dims[n - 1];
        int ia = stA[n - 1];
        int ib = stB[n - 1];
        int rows = y.Length / inner;
        Span<int> idx = stackalloc int[MaxRank];
        idx.Clear();
        int offA = 0;
        int offB = 0;
        for (int r = 0; r < rows; r++)
        {
            Span<float> yr = y.Slice(r * inner, inner);
            ReadOnlySpan<float> ar = a.Slice(offA, ia == 0 ? 1 : inner);
            ReadOnlySpan<float> br = b.Slice(offB, ib == 0 ? 1 : inner);
            switch (kind)
            {
                case OpKind.Add:
                    if (ia != 0 && ib != 0) TensorPrimitives.Add(ar, br, yr);
                    else if (ib == 0) TensorPrimitives.Add(ar.Length == 1 ? Fill(yr, ar[0]) : ar, br[0], yr);
                    else TensorPrimitives.Add(br, ar[0], yr);
                    break;
                case OpKind.Sub:
                    if (ia != 0 && ib != 0) TensorPrimitives.Subtract(ar, br, yr);
                    else if (ib == 0) TensorPrimitives.Subtract(ar.Length == 1 ? Fill(yr, ar[0]) : ar, br[0], yr);
                    else TensorPrimitives.Subtract(ar[0], br, yr);
                    break;
                default:
                    if (ia != 0 && ib != 0) TensorPrimitives.Multiply(ar, br, yr);
                    else if (ib == 0) TensorPrimitives.Multiply(ar.Length == 1 ? Fill(yr, ar[0]) : ar, br[0], yr);
                    else TensorPrimitives.Multiply(br, ar[0], yr);
                    break;
            }

            // Odometer over the outer dims.
            for (int d = n - 2; d >= 0; d--)
            {
                idx[d]++;
                offA += stA[d];
                offB += stB[d];
                if (idx[d] < dims[d])
                {
                    break;
                }

                offA -= stA[d] * dims[d];
                offB -= stB[d] * dims[d];
                idx[d] = 0;
            }
        }
    }

    private static ReadOnlySpan<float> Fill(Span<float> y, float value)
    {
        y.Fill(value);
        return y;
    }

    private static void BroadcastBackward(Tape tape, ref TapeEntry e)
    {
        Tensor a = e.A!;
        Tensor b = e.B!;
        ReadOnlySpan<float> g = e.Out.Grad;
        bool needA = a.RequiresGrad;
        bool needB = b.RequiresGrad;
        if (e.Kind == OpKind.Add && a.ShapeEquals(b.Shape) && a.Length >= ParallelThreshold)
        {
            ParallelAddBackward(tape, e.Out, a, b);
            return;
        }

        if (a.ShapeEquals(b.Shape))
        {
            switch (e.Kind)
            {
                case OpKind.Add:
                    if (needA) TensorPrimitives.Add(a.Grad, g, a.Grad);
                    if (needB) TensorPrimitives.Add(b.Grad, g, b.Grad);
                    break;
                case OpKind.Sub:
                    if (needA) TensorPrimitives.Add(a.Grad, g, a.Grad);
                    if (needB) TensorPrimitives.Subtract(b.Grad, g, b.Grad);
                    break;
                default:
                    if (needA) TensorPrimitives.MultiplyAdd(g, b.Span, a.Grad, a.Grad);
                    if (needB) TensorPrimitives.MultiplyAdd(g, a.Span, b.Grad, b.Grad);
                    break;
            }

            return;
        }

        Span<int> outShape = stackalloc int[MaxRank];
        Span<int> dims = stackalloc int[MaxRank];
        Span<int> stA = stackalloc int[MaxRank];
        Span<int> stB = stackalloc int[MaxRank];
        int n = PlanBroadcast(a.Shape, b.Shape, outShape, dims, stA, stB, OpName(e.Kind));
        dims = dims[..n];
        stA = stA[..n];
        stB = stB[..n];
        int inner = dims[n - 1];
        int ia = stA[n - 1];
        int ib = stB[n - 1];
        int rows = g.Length / inner;
        Span<int> idx = stackalloc int[MaxRank];
        idx.Clear();
        int offA = 0;
        int offB = 0;
        ReadOnlySpan<float> av = a.Span;
        ReadOnlySpan<float> bv = b.Span;
        Span<float> ga = needA ? a.Grad : default;
        Span<float> gb = needB ? b.Grad : default;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> gr = g.Slice(r * inner, inner);
            if (needA)
            {
                // d(out)/da = 1 (add, sub) or b (mul).
                if (e.Kind == OpKind.Mul)
                {
                    AccumulateProduct(gr, bv.Slice(offB, ib == 0 ? 1 : inner), ib == 0, ga.Slice(offA, ia == 0 ? 1 : inner), ia == 0, 1f);
                }
                else
                {
                    AccumulateSum(gr, ga.Slice(offA, ia == 0 ? 1 : inner), ia == 0, 1f);
                }
            }

            if (needB)
            {
                if (e.Kind == OpKind.Mul)
                {
                    AccumulateProduct(gr, av.Slice(offA, ia == 0 ? 1 : inner), ia == 0, gb.Slice(offB, ib == 0 ? 1 : inner), ib == 0, 1f);
                }
                else
                {
                    AccumulateSum(gr, gb.Slice(offB, ib == 0 ? 1 : inner), ib == 0, e.Kind == OpKind.Sub ? -1f : 1f);
                }
            }

            for (int d = n - 2; d >= 0; d--)
            {
                idx[d]++;
                offA += stA[d];
                offB += stB[d];
                if (idx[d] < dims[d])
                {
                    break;
                }

                offA -= stA[d] * dims[d];
                offB -= stB[d] * dims[d];
                idx[d] = 0;
            }
        }
    }

    /// <summary>dst (+)= sign · g, summing g into dst[0] when dst is stretched.</summary>
    private static void AccumulateSum(ReadOnlySpan<float> g, Span<float> dst, bool dstStretched, float sign)
    {
        if (dstStretched)
        {
            dst[0] += sign * TensorPrimitives.Sum(g);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(g, sign, dst, dst);
        }
    }

    /// <summary>dst (+)= g ⊙ other, with either side possibly stretched (length 1).</summary>
    private static void AccumulateProduct(ReadOnlySpan<float> g, ReadOnlySpan<float> other, bool otherStretched, Span<float> dst, bool dstStretched, float sign)
    {
        if (dstStretched)
        {
            dst[0] += sign * (otherStretched ? other[0] * TensorPrimitives.Sum(g) : TensorPrimitives.Dot(g, other));
        }
        else if (otherStretched)
        {
            TensorPrimitives.MultiplyAdd(g, sign * other[0], dst, dst);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(g, other, dst, dst);
        }
    }
}
