using Zero.Engine.Tensors;

namespace Zero.Engine.Modules;

/// <summary>
/// Base of every layer and model: owns named parameters (trainable tensors), named buffers (state such as batch-norm
/// running statistics) and named child modules, and a training/evaluation mode. Names are dotted paths
/// ("blocks.0.conv1.weight") in registration order, the layout the weights file and the fused inference network use.
/// Optimizers take <see cref="Parameters"/>; serialization takes <see cref="State"/>.
/// </summary>
public abstract class Module
{
    private readonly List<(string Name, Tensor Tensor)> parameters = [];
    private readonly List<(string Name, Tensor Tensor)> buffers = [];
    private readonly List<(string Name, Module Module)> children = [];

    /// <summary>True in training mode (batch statistics), false in evaluation mode (running statistics).</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>Switches this module and its children to training mode.</summary>
    public void Train() => SetMode(true);

    /// <summary>Switches this module and its children to evaluation mode.</summary>
    public void Eval() => SetMode(false);

    private void SetMode(bool training)
    {
        IsTraining = training;
        foreach ((_, Module m) in children)
        {
            m.SetMode(training);
        }
    }

    /// <summary>Registers a trainable tensor (marks it as requiring a gradient).</summary>
    protected Tensor AddParameter(string name, Tensor tensor)
    {
        tensor.RequiresGrad = true;
        parameters.Add((name, tensor));
        return tensor;
    }

    /// <summary>Registers a non-trainable state tensor.</summary>
    protected Tensor AddBuffer(string name, Tensor tensor)
    {
        buffers.Add((name, tensor));
        return tensor;
    }

    /// <summary>Registers a child module under <paramref name="name"/>.</summary>
    protected T AddModule<T>(string name, T module)
        where T : Module
    {
        children.Add((name, module));
        return module;
    }

    /// <summary>All trainable tensors with their dotted names, depth-first in registration order.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> NamedParameters(string prefix = "")
    {
        foreach ((string n, Tensor t) in parameters)
        {
            yield return (prefix + n, t);
        }

        foreach ((string n, Module m) in children)
        {
            foreach ((string Name, Tensor Tensor) p in m.NamedParameters(prefix + n + "."))
            {
                yield return p;
            }
        }
    }

    /// <summary>All buffers with their dotted names.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> NamedBuffers(string prefix = "")
    {
        foreach ((string n, Tensor t) in buffers)
        {
            yield return (prefix + n, t);
        }

        foreach ((string n, Module m) in children)
        {
            foreach ((string Name, Tensor Tensor) b in m.NamedBuffers(prefix + n + "."))
            {
                yield return b;
            }
        }
    }

    /// <summary>The trainable tensors, in a stable order (what optimizers take).</summary>
    public IReadOnlyList<Tensor> Parameters() => NamedParameters().Select(p => p.Tensor).ToList();

    /// <summary>Number of trainable scalars.</summary>
    public long ParameterCount => NamedParameters().Sum(p => (long)p.Tensor.Length);

    /// <summary>
    /// Parameters and buffers by name (the tensors themselves, not copies): what the weights file stores and the
    /// inference network is built from.
    /// </summary>
    public IReadOnlyDictionary<string, Tensor> State()
    {
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach ((string n, Tensor t) in NamedParameters().Concat(NamedBuffers()))
        {
            state.Add(n, t);
        }

        return state;
    }

    /// <summary>
    /// Copies values into this module's parameters and buffers by name. Every name must be present with the same
    /// shape, and no name may be left over.
    /// </summary>
    /// <exception cref="Serialization.WeightsFileException">A tensor is missing, unexpected or has the wrong shape; the message names it.</exception>
    public void LoadState(IReadOnlyDictionary<string, Tensor> state)
    {
        IReadOnlyDictionary<string, Tensor> own = State();
        foreach ((string name, Tensor target) in own)
        {
            if (!state.TryGetValue(name, out Tensor? source))
            {
                throw new Serialization.WeightsFileException($"Tensor '{name}' {target.ShapeString} is missing from the weights: they were written for another architecture (check the blocks, channels and heads of the config).");
            }

            if (!source.ShapeEquals(target.Shape))
            {
                throw new Serialization.WeightsFileException($"Tensor '{name}' has shape {source.ShapeString} in the weights but {target.ShapeString} in the model: the weights were written for another architecture.");
            }
        }

        foreach (string name in state.Keys)
        {
            if (!own.ContainsKey(name))
            {
                throw new Serialization.WeightsFileException($"The weights hold tensor '{name}' that this model does not have: they were written for another architecture.");
            }
        }

        foreach ((string name, Tensor target) in own)
        {
            target.CopyFrom(state[name].Span);
        }
    }

    /// <summary>
    /// Polyak averaging for target networks (DQN, SAC): every parameter p ← (1 − τ)·p + τ·source, buffers copied.
    /// τ = 1 copies. <paramref name="source"/> must have the same architecture.
    /// </summary>
    /// <exception cref="ArgumentException">The modules differ in names or shapes, or τ is outside [0, 1].</exception>
    public void SoftUpdateFrom(Module source, float tau)
    {
        if (tau is < 0 or > 1)
        {
            throw new ArgumentException($"τ must be in [0, 1], got {tau}.", nameof(tau));
        }

        using IEnumerator<(string Name, Tensor Tensor)> theirs = source.NamedParameters().Concat(source.NamedBuffers()).GetEnumerator();
        foreach ((string name, Tensor mine) in NamedParameters().Concat(NamedBuffers()))
        {
            if (!theirs.MoveNext() || theirs.Current.Name != name || !theirs.Current.Tensor.ShapeEquals(mine.Shape))
            {
                throw new ArgumentException($"SoftUpdateFrom: the source module does not match at '{name}' {mine.ShapeString}.", nameof(source));
            }

            Span<float> dst = mine.Span;
            ReadOnlySpan<float> src = theirs.Current.Tensor.Span;
            bool isBuffer = !mine.RequiresGrad;
            if (tau == 1f || isBuffer)
            {
                src.CopyTo(dst);
            }
            else
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(dst, 1f - tau, dst);
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(src, tau, dst, dst);
            }
        }
    }

    /// <summary>Sets the gradients of all parameters to zero.</summary>
    public void ZeroGrad()
    {
        foreach ((_, Tensor t) in NamedParameters())
        {
            t.ZeroGrad();
        }
    }
}
