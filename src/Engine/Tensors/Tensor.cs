using System.Runtime.CompilerServices;

namespace Zero.Engine.Tensors;

/// <summary>
/// A dense, contiguous, row-major float32 tensor (NCHW for images). Every layer, loss and optimizer in Zero.Engine
/// reads and writes these. The data array may be longer than <see cref="Length"/>: tensors produced by a
/// <see cref="Autograd.Tape"/> live in the tape's arena and are reused (and reshaped) from step to step, so a training
/// loop with fixed shapes allocates nothing after its first step. Reshape views share the data array.
/// <code>
///   Data[0 .. Length)   values, index = ((n·C + c)·H + h)·W + w for a [N, C, H, W] tensor
///   Grad[0 .. Length)   gradient of the last backward pass (allocated on first use; parameters accumulate into it)
/// </code>
/// </summary>
public sealed class Tensor
{
    private float[] data;
    private int[] shape;
    private float[]? grad;

    /// <summary>Creates a zero tensor of the given shape.</summary>
    /// <exception cref="ArgumentException">A dimension is negative.</exception>
    public Tensor(params int[] shape)
        : this(new float[CheckedLength(shape)], shape)
    {
    }

    /// <summary>Wraps an existing array (not copied) with the given shape; the array may be longer than needed.</summary>
    /// <exception cref="ArgumentException">The array is shorter than the shape's element count.</exception>
    public Tensor(float[] data, params int[] shape)
    {
        int length = CheckedLength(shape);
        if (data.Length < length)
        {
            throw new ArgumentException($"Data has {data.Length} elements but shape [{string.Join(", ", shape)}] needs {length}.", nameof(data));
        }

        this.data = data;
        this.shape = (int[])shape.Clone();
        Length = length;
    }

    /// <summary>The backing array; only the first <see cref="Length"/> elements belong to this tensor.</summary>
    public float[] Data => data;

    /// <summary>The values as a span of exactly <see cref="Length"/> elements.</summary>
    public Span<float> Span
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(data, 0, Length);
    }

    /// <summary>Number of elements (product of the shape).</summary>
    public int Length { get; private set; }

    /// <summary>The dimensions; do not modify the returned array.</summary>
    public int[] Shape => shape;

    /// <summary>Number of dimensions.</summary>
    public int Rank => shape.Length;

    /// <summary>True for trainable parameters and for every tape result computed from one.</summary>
    public bool RequiresGrad { get; set; }

    /// <summary>True when the gradient buffer has been allocated.</summary>
    public bool HasGrad => grad is not null;

    /// <summary>The gradient (allocated as zeros on first access), exactly <see cref="Length"/> elements.</summary>
    public Span<float> Grad
    {
        get
        {
            // Parallel backward kernels may touch a fresh gradient from several threads at once: publish the buffer
            // with a compare-exchange so every thread writes into the same array (a plain lazy assignment lost
            // gradients when two threads each allocated one).
            float[]? g = Volatile.Read(ref grad);
            if (g is null || g.Length < Length)
            {
                var fresh = new float[Math.Max(Length, data.Length)];
                float[]? seen = Interlocked.CompareExchange(ref grad, fresh, g);
                g = ReferenceEquals(seen, g) ? fresh : seen!;
            }

            return new Span<float>(g, 0, Length);
        }
    }

    /// <summary>Dimension <paramref name="axis"/>; negative counts from the end.</summary>
    public int Dim(int axis) => shape[axis < 0 ? shape.Length + axis : axis];

    /// <summary>Element access by flat index.</summary>
    public float this[int index]
    {
        get => data[index];
        set => data[index] = value;
    }

    /// <summary>Sets the gradient to zero (if allocated).</summary>
    public void ZeroGrad()
    {
        if (grad is not null)
        {
            Array.Clear(grad, 0, Length);
        }
    }

    /// <summary>A deep copy with its own array, no gradient, not requiring grad.</summary>
    public Tensor Clone() => new(Span.ToArray(), shape);

    /// <summary>Copies the values of <paramref name="source"/> (same element count) into this tensor.</summary>
    /// <exception cref="ArgumentException">Element counts differ.</exception>
    public void CopyFrom(ReadOnlySpan<float> source)
    {
        if (source.Length != Length)
        {
            throw new ArgumentException($"Source has {source.Length} elements, tensor {ShapeString} has {Length}.", nameof(source));
        }

        source.CopyTo(Span);
    }

    /// <summary>The values as a new array.</summary>
    public float[] ToArray() => Span.ToArray();

    /// <summary>The shape written as [a, b, c].</summary>
    public string ShapeString => ShapeToString(shape);

    /// <summary>True when the shape equals <paramref name="other"/>.</summary>
    public bool ShapeEquals(ReadOnlySpan<int> other) => shape.AsSpan().SequenceEqual(other);

    /// <inheritdoc />
    public override string ToString() => $"Tensor{ShapeString}";

    /// <summary>A tensor filled from <paramref name="values"/> (copied).</summary>
    public static Tensor FromArray(ReadOnlySpan<float> values, params int[] shape)
    {
        var t = new Tensor(shape);
        t.CopyFrom(values);
        return t;
    }

    /// <summary>Writes a shape as [a, b, c].</summary>
    public static string ShapeToString(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    /// <summary>Product of dimensions, checked for negatives and overflow.</summary>
    public static int CheckedLength(ReadOnlySpan<int> shape)
    {
        long n = 1;
        foreach (int d in shape)
        {
            if (d < 0)
            {
                throw new ArgumentException($"Shape {ShapeToString(shape)} has a negative dimension.", nameof(shape));
            }

            n *= d;
            if (n > int.MaxValue)
            {
                throw new ArgumentException($"Shape {ShapeToString(shape)} has more than 2^31 elements.", nameof(shape));
            }
        }

        return (int)n;
    }

    /// <summary>
    /// Re-targets this arena tensor to a new shape, growing the array if needed (tape-internal; values are undefined
    /// afterwards).
    /// </summary>
    internal void Reset(ReadOnlySpan<int> newShape)
    {
        int length = CheckedLength(newShape);
        if (data.Length < length)
        {
            data = new float[length];
        }

        if (!shape.AsSpan().SequenceEqual(newShape))
        {
            shape = newShape.ToArray();
        }

        Length = length;
    }

    /// <summary>Points this view at another tensor's array with a new shape (tape-internal, for reshape views).</summary>
    internal void ViewOf(Tensor source, ReadOnlySpan<int> newShape)
    {
        data = source.data;
        if (!shape.AsSpan().SequenceEqual(newShape))
        {
            shape = newShape.ToArray();
        }

        Length = source.Length;
    }

    /// <summary>The raw gradient array (tape-internal; may be null).</summary>
    internal float[]? GradArray => grad;
}
