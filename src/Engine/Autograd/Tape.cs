using Zero.Engine.Kernels;
using Zero.Engine.Ops;
using Zero.Engine.Tensors;

namespace Zero.Engine.Autograd;

/// <summary>
/// Reverse-mode automatic differentiation by recording: every operation in <see cref="TensorOps"/> takes a tape,
/// writes its result into a tensor from the tape's arena and, when an input requires a gradient, appends a
/// <see cref="TapeEntry"/>. <see cref="Backward(Tensor)"/> then walks the entries in reverse.
/// Who calls it: modules (<c>Forward(tape, x)</c>), losses, the trainers of SelfPlay and Rl.
/// <para>
/// Lifetime: <see cref="Reset"/> starts a new step; results of the previous step stay valid until the same arena slot
/// is reused by the new step, so copy (<see cref="Tensor.Clone"/>) anything that must outlive the step, or use a second
/// tape. Because slot k of step t+1 reuses the tensor of slot k of step t when it is large enough, a loop with fixed
/// shapes allocates nothing after its first step.
/// </para>
/// <para>
/// Gradients: <see cref="Backward(Tensor)"/> zeroes the gradients of the tape's intermediate tensors and adds into the
/// gradients of leaves (parameters), so several backward passes accumulate until the optimizer's <c>ZeroGrad</c>.
/// Not thread-safe: one tape per thread.
/// </para>
/// </summary>
public sealed class Tape
{
    private TapeEntry[] entries = new TapeEntry[64];
    private int entryCount;
    private readonly List<Tensor> arena = [];
    private readonly List<bool> arenaIsView = [];
    private int arenaCursor;
    private int noGradDepth;
    private float[][] scratch = [[], [], [], []];

    /// <summary>The seed gradient of a scalar loss (static: a literal allocates in Debug builds).</summary>
    private static readonly float[] UnitSeed = [1f];

    /// <summary>Creates a tape whose operations run on <paramref name="pool"/> (sequential when null).</summary>
    public Tape(ComputePool? pool = null)
    {
        Pool = pool ?? ComputePool.Sequential;
    }

    /// <summary>The threads that convolution and matrix products run on.</summary>
    public ComputePool Pool { get; }

    /// <summary>True while inside <see cref="NoGrad"/>: operations compute results but record nothing.</summary>
    public bool IsNoGrad => noGradDepth > 0;

    /// <summary>Number of operations recorded since the last <see cref="Reset"/>.</summary>
    public int Count => entryCount;

    /// <summary>Starts a new step: forgets recorded operations and rewinds the arena.</summary>
    public void Reset()
    {
        Array.Clear(entries, 0, entryCount);
        entryCount = 0;
        arenaCursor = 0;
    }

    /// <summary>Suspends recording until the returned scope is disposed (for inference and target networks).</summary>
    public NoGradScope NoGrad()
    {
        noGradDepth++;
        return new NoGradScope(this);
    }

    internal void EndNoGrad() => noGradDepth--;

    /// <summary>
    /// Runs the backward pass from a scalar <paramref name="loss"/> (seed gradient 1).
    /// </summary>
    /// <exception cref="ArgumentException">The loss has more than one element or does not require a gradient.</exception>
    public void Backward(Tensor loss)
    {
        if (loss.Length != 1)
        {
            throw new ArgumentException($"Backward needs a scalar loss, got {loss.ShapeString}; reduce it with Sum or Mean first, or pass a seed gradient.", nameof(loss));
        }

        Backward(loss, UnitSeed);
    }

    /// <summary>Runs the backward pass from <paramref name="output"/> with the given seed gradient.</summary>
    /// <exception cref="ArgumentException">The output does not require a gradient or the seed has the wrong length.</exception>
    public void Backward(Tensor output, ReadOnlySpan<float> seed)
    {
        if (!output.RequiresGrad)
        {
            throw new ArgumentException("The output does not depend on any tensor that requires a gradient (no parameters, or computed under NoGrad).", nameof(output));
        }

        if (seed.Length != output.Length)
        {
            throw new ArgumentException($"Seed has {seed.Length} elements, output {output.ShapeString} has {output.Length}.", nameof(seed));
        }

        // 1. Zero the gradients of this step's intermediate results (leaves keep accumulating).
        for (int i = 0; i < arenaCursor; i++)
        {
            Tensor t = arena[i];
            if (t.RequiresGrad)
            {
                if (t.Length >= TensorOps.ParallelThreshold && Pool.Threads > 1)
                {
                    ClearInParallel(t);
                }
                else
                {
                    t.Grad.Clear();
                }
            }
        }

        // 2. Seed and walk the entries in reverse.
        seed.CopyTo(output.Grad);
        for (int i = entryCount - 1; i >= 0; i--)
        {
            TensorOps.Backward(this, ref entries[i]);
        }
    }

    private void ClearInParallel(Tensor t)
    {
        _ = t.Grad;
        Pool.For(t.Length, TensorOps.ParallelThreshold / 2, (s, e) => t.Grad[s..e].Clear());
    }

    /// <summary>
    /// A tensor from the arena with the given shape and undefined contents (operations overwrite it). Public so that
    /// models can stage inputs without allocating; the tensor is valid until the slot is reused after <see cref="Reset"/>.
    /// </summary>
    public Tensor Alloc(ReadOnlySpan<int> shape, bool requiresGrad = false)
    {
        Tensor t;
        if (arenaCursor < arena.Count && !arenaIsView[arenaCursor])
        {
            t = arena[arenaCursor];
            t.Reset(shape);
        }
        else
        {
            t = new Tensor(shape.ToArray());
            if (arenaCursor < arena.Count)
            {
                arena[arenaCursor] = t;
                arenaIsView[arenaCursor] = false;
            }
            else
            {
                arena.Add(t);
                arenaIsView.Add(false);
            }
        }

        arenaCursor++;
        t.RequiresGrad = requiresGrad;
        return t;
    }

    /// <summary>A tensor from the arena that shares <paramref name="source"/>'s values with another shape.</summary>
    internal Tensor AllocView(Tensor source, ReadOnlySpan<int> shape, bool requiresGrad)
    {
        Tensor t;
        if (arenaCursor < arena.Count && arenaIsView[arenaCursor])
        {
            t = arena[arenaCursor];
            t.ViewOf(source, shape);
        }
        else
        {
            t = new Tensor(source.Data, shape.ToArray());
            if (arenaCursor < arena.Count)
            {
                arena[arenaCursor] = t;
                arenaIsView[arenaCursor] = true;
            }
            else
            {
                arena.Add(t);
                arenaIsView.Add(true);
            }
        }

        arenaCursor++;
        t.RequiresGrad = requiresGrad;
        return t;
    }

    /// <summary>True when an operation on these inputs must be recorded.</summary>
    internal bool ShouldRecord(Tensor a) => noGradDepth == 0 && a.RequiresGrad;

    /// <summary>True when an operation on these inputs must be recorded.</summary>
    internal bool ShouldRecord(Tensor a, Tensor? b) => noGradDepth == 0 && (a.RequiresGrad || (b?.RequiresGrad ?? false));

    /// <summary>True when an operation on these inputs must be recorded.</summary>
    internal bool ShouldRecord(Tensor a, Tensor? b, Tensor? c) =>
        noGradDepth == 0 && (a.RequiresGrad || (b?.RequiresGrad ?? false) || (c?.RequiresGrad ?? false));

    /// <summary>Appends an entry (the caller has checked <see cref="ShouldRecord(Tensor)"/>).</summary>
    internal ref TapeEntry Record(OpKind kind, Tensor output)
    {
        if (entryCount == entries.Length)
        {
            Array.Resize(ref entries, entries.Length * 2);
        }

        ref TapeEntry e = ref entries[entryCount++];
        e = default;
        e.Kind = kind;
        e.Out = output;
        return ref e;
    }

    /// <summary>A reusable scratch array of at least <paramref name="length"/> elements (slot 0..3; contents undefined).</summary>
    internal float[] Scratch(int slot, int length)
    {
        if (scratch[slot].Length < length)
        {
            scratch[slot] = new float[length];
        }

        return scratch[slot];
    }
}
