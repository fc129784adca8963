using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using Zero.Engine.Autograd;
using Zero.Engine.Tensors;

namespace Zero.Engine.Ops;

/// <summary>Reductions (sum, mean), shape changes (reshape, flatten, concat) and indexing (gather).</summary>
public static partial class TensorOps
{
    /// <summary>Sum of all elements, as a [1] tensor.</summary>
    public static Tensor Sum(this Tape tape, Tensor x) => SumAll(tape, x, OpKind.Sum);

    /// <summary>Mean of all elements, as a [1] tensor.</summary>
    public static Tensor Mean(this Tape tape, Tensor x) => SumAll(tape, x, OpKind.Mean);

    private static Tensor SumAll(Tape tape, Tensor x, OpKind kind)
    {
        if (x.Length == 0)
        {
            throw new ArgumentException($"{kind}: the input {x.ShapeString} is empty.");
        }

        bool record = tape.ShouldRecord(x);
        Tensor y = tape.Alloc(ScalarShape, record);
        float s = TensorPrimitives.Sum(x.Span);
        y[0] = kind == OpKind.Mean ? s / x.Length : s;
        if (record)
        {
            ref TapeEntry e = ref tape.Record(kind, y);
            e.A = x;
        }

        return y;
    }

    private static void SumBackward(ref TapeEntry e)
    {
        Tensor x = e.A!;
        if (!x.RequiresGrad)
        {
            return;
        }

        float g = e.Out.Grad[0];
        if (e.Kind == OpKind.Mean)
        {
            g /= x.Length;
        }

        TensorPrimitives.Add(x.Grad, g, x.Grad);
    }

    /// <summary>Sum over one axis (removed from the shape); a negative axis counts from the end.</summary>
    public static Tensor SumAxis(this Tape tape, Tensor x, int axis)
    {
        int ax = axis < 0 ? x.Rank + axis : axis;
        if (ax < 0 || ax >= x.Rank)
        {
            throw new ArgumentException($"SumAxis: axis {axis} is outside a tensor of rank {x.Rank}.");
        }

        Span<int> shape = stackalloc int[Math.Max(1, x.Rank - 1)];
        int j = 0;
        for (int i = 0; i < x.Rank; i++)
        {
            if (i != ax)
            {
                shape[j++] = x.Shape[i];
            }
        }

        if (x.Rank == 1)
        {
            shape[0] = 1;
        }

        (int outer, int len, int inner) = Split(x.Shape, ax);
        bool record = tape.ShouldRecord(x);
        Tensor y = tape.Alloc(shape, record);
        ReadOnlySpan<float> xs = x.Span;
        Span<float> ys = y.Span;
        ys.Clear();
        for (int o = 0; o < outer; o++)
        {
            Span<float> yr = ys.Slice(o * inner, inner);
            for (int a = 0; a < len; a++)
            {
                TensorPrimitives.Add(yr, xs.Slice(((o * len) + a) * inner, inner), yr);
            }
        }

        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.SumAxis, y);
            e.A = x;
            e.I0 = ax;
        }

        return y;
    }

    private static void SumAxisBackward(ref TapeEntry e)
    {
        Tensor x = e.A!;
        if (!x.RequiresGrad)
        {
            return;
        }

        (int outer, int len, int inner) = Split(x.Shape, e.I0);
        ReadOnlySpan<float> gy = e.Out.Grad;
        Span<float> gx = x.Grad;
        for (int o = 0; o < outer; o++)
        {
            ReadOnlySpan<float> gr = gy.Slice(o * inner, inner);
            for (int a = 0; a < len; a++)
            {
                Span<float> dst = gx.Slice(((o * len) + a) * inner, inner);
                TensorPrimitives.Add(dst, gr, dst);
            }
        }
    }

    private static (int Outer, int Len, int Inner) Split(ReadOnlySpan<int> shape, int axis)
    {
        int outer = 1;
        int inner = 1;
        for (int i = 0; i < axis; i++)
        {
            outer *= shape[i];
        }

        for (int i = axis + 1; i < shape.Length; i++)
        {
            inner *= shape[i];
        }

        return (outer, shape[axis], inner);
    }

    /// <summary>The same values with another shape (a view: no copy); one dimension may be −1 (inferred).</summary>
    /// <exception cref="ArgumentException">The element counts differ.</exception>
    public static Tensor Reshape(this Tape tape, Tensor x, params ReadOnlySpan<int> shape)
    {
        Span<int> s = stackalloc int[shape.Length];
        shape.CopyTo(s);
        int infer = -1;
        int known = 1;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == -1)
            {
                if (infer >= 0)
                {
                    throw new ArgumentException("Reshape: only one dimension may be -1.");
                }

                infer = i;
            }
            else
            {
                known *= s[i];
            }
        }

        if (infer >= 0)
        {
            s[infer] = known == 0 ? 0 : x.Length / known;
        }

        if (Tensor.CheckedLength(s) != x.Length)
        {
            throw new ArgumentException($"Reshape: {x.ShapeString} has {x.Length} elements, {Tensor.ShapeToString(shape)} needs {Tensor.CheckedLength(s)}.");
        }

        bool record = tape.ShouldRecord(x);
        Tensor y = tape.AllocView(x, s, record);
        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.Reshape, y);
            e.A = x;
        }

        return y;
    }

    /// <summary>[N, d1, d2, ...] → [N, d1·d2·...].</summary>
    public static Tensor Flatten(this Tape tape, Tensor x) => Reshape(tape, x, x.Shape[0], x.Shape[0] == 0 ? 0 : x.Length / x.Shape[0]);

    private static void ReshapeBackward(ref TapeEntry e)
    {
        Tensor x = e.A!;
        if (x.RequiresGrad)
        {
            TensorPrimitives.Add(x.Grad, e.Out.Grad, x.Grad);
        }
    }

    /// <summary>Concatenates tensors along <paramref name="axis"/> (all other dimensions equal). Records the inputs by reference.</summary>
    /// <exception cref="ArgumentException">No inputs, or shapes differ outside the axis.</exception>
    public static Tensor Concat(this Tape tape, Tensor[] inputs, int axis)
    {
        if (inputs.Length == 0)
        {
            throw new ArgumentException("Concat: no inputs.");
        }

        Tensor first = inputs[0];
        int ax = axis < 0 ? first.Rank + axis : axis;
        if (ax < 0 || ax >= first.Rank)
        {
            throw new ArgumentException($"Concat: axis {axis} is outside rank {first.Rank}.");
        }

        int total = 0;
        bool anyGrad = false;
        foreach (Tensor t in inputs)
        {
            if (t.Rank != first.Rank)
            {
                throw new ArgumentException($"Concat: {t.ShapeString} and {first.ShapeString} differ in rank.");
            }

            for (int i = 0; i < t.Rank; i++)
            {
                if (i != ax && t.Shape[i] != first.Shape[i])
                {
                    throw new ArgumentException($"Concat: {t.ShapeString} and {first.ShapeString} differ outside axis {ax}.");
                }
            }

            total += t.Shape[ax];
            anyGrad |= t.RequiresGrad;
        }

        Span<int> shape = stackalloc int[first.Rank];
        first.Shape.CopyTo(shape);
        shape[ax] = total;
        bool record = anyGrad && !tape.IsNoGrad;
        Tensor y = tape.Alloc(shape, record);
        (int outer, _, int inner) = Split(shape, ax);
        Span<float> ys = y.Span;
        int offset = 0;
        foreach (Tensor t in inputs)
        {
            int len = t.Shape[ax] * inner;
            ReadOnlySpan<float> ts = t.Span;
            for (int o = 0; o < outer; o++)
            {
                ts.Slice(o * len, len).CopyTo(ys.Slice((o * total * inner) + offset, len));
            }

            offset += len;
        }

        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.Concat, y);
            e.Obj = inputs;
            e.I0 = ax;
        }

        return y;
    }

    private static void ConcatBackward(ref TapeEntry e)
    {
        var inputs = (Tensor[])e.Obj!;
        int[] shape = e.Out.Shape;
        (int outer, int total, int inner) = Split(shape, e.I0);
        ReadOnlySpan<float> gy = e.Out.Grad;
        int offset = 0;
        foreach (Tensor t in inputs)
        {
            int len = t.Shape[e.I0] * inner;
            if (t.RequiresGrad)
            {
                Span<float> gt = t.Grad;
                for (int o = 0; o < outer; o++)
                {
                    Span<float> dst = gt.Slice(o * len, len);
                    TensorPrimitives.Add(dst, gy.Slice((o * total * inner) + offset, len), dst);
                }
            }

            offset += len;
        }
    }

    /// <summary>
    /// Columns [start, start + length) of x [N, D] as a new [N, length] tensor (the inverse of <see cref="Concat"/> on
    /// axis 1): SAC's actor emits [μ, log σ] in one row and the loss reads the halves separately.
    /// </summary>
    /// <exception cref="ArgumentException">x is not 2-D or the range is outside its columns.</exception>
    public static Tensor SliceColumns(this Tape tape, Tensor x, int start, int length)
    {
        RequireRank(x, 2, "SliceColumns", "input");
        int n = x.Shape[0], d = x.Shape[1];
        if (start < 0 || length < 0 || start + length > d)
        {
            throw new ArgumentException($"SliceColumns: columns [{start}, {start + length}) are outside the {d} columns of {x.ShapeString}.");
        }

        bool record = tape.ShouldRecord(x);
        Tensor y = tape.Alloc([n, length], record);
        ReadOnlySpan<float> xs = x.Span;
        Span<float> ys = y.Span;
        for (int i = 0; i < n; i++)
        {
            xs.Slice((i * d) + start, length).CopyTo(ys.Slice(i * length, length));
        }

        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.SliceColumns, y);
            e.A = x;
            e.I0 = start;
        }

        return y;
    }

    private static void SliceColumnsBackward(ref TapeEntry e)
    {
        Tensor x = e.A!;
        if (!x.RequiresGrad)
        {
            return;
        }

        int n = x.Shape[0], d = x.Shape[1], length = e.Out.Shape[1], start = e.I0;
        ReadOnlySpan<float> gy = e.Out.Grad;
        Span<float> gx = x.Grad;
        for (int i = 0; i < n; i++)
        {
            Span<float> dst = gx.Slice((i * d) + start, length);
            TensorPrimitives.Add(dst, gy.Slice(i * length, length), dst);
        }
    }

    /// <summary>
    /// y[n] = x[n, index[n]] for x[N, A] (Q-values of the taken actions in DQN). The index array is read again by the
    /// backward pass: do not change it before then.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes do not fit or an index is out of range.</exception>
    public static Tensor Gather(this Tape tape, Tensor x, int[] index)
    {
        RequireRank(x, 2, "Gather", "input");
        int n = x.Shape[0], a = x.Shape[1];
        if (index.Length < n)
        {
            throw new ArgumentException($"Gather: {index.Length} indices for {n} rows.");
        }

        bool record = tape.ShouldRecord(x);
        Tensor y = tape.Alloc([n], record);
        ReadOnlySpan<float> xs = x.Span;
        for (int i = 0; i < n; i++)
        {
            int k = index[i];
            if ((uint)k >= (uint)a)
            {
                throw new ArgumentException($"Gather: index {k} in row {i} is outside 0..{a - 1}.");
            }

            y[i] = xs[(i * a) + k];
        }

        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.Gather, y);
            e.A = x;
            e.Obj = index;
        }

        return y;
    }

    private static void GatherBackward(ref TapeEntry e)
    {
        Tensor x = e.A!;
        if (!x.RequiresGrad)
        {
            return;
        }

        var index = (int[])e.Obj!;
        int a = x.Shape[1];
        ReadOnlySpan<float> gy = e.Out.Grad;
        Span<float> gx = x.Grad;
        for (int i = 0; i < gy.Length; i++)
        {
            gx[(i * a) + index[i]] += gy[i];
        }
    }
}
