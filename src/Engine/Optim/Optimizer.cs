using Zero.Engine.Tensors;

namespace Zero.Engine.Optim;

/// <summary>
/// Base of the optimizers: holds the parameter list (in the module's stable order), the learning rate (set it from a
/// schedule before each <see cref="Step"/>), the step count and per-parameter state tensors, which
/// <see cref="Serialization.OptimizerStateFile"/> saves for resuming. Trainers call ZeroGrad → backward → Step.
/// </summary>
public abstract class Optimizer
{
    private readonly Tensor[] parameterArray;

    /// <summary>Creates the optimizer over <paramref name="parameters"/>.</summary>
    /// <exception cref="ArgumentException">The learning rate is negative or not finite.</exception>
    protected Optimizer(IReadOnlyList<Tensor> parameters, float learningRate)
    {
        if (!(learningRate >= 0) || float.IsInfinity(learningRate))
        {
            throw new ArgumentException($"Learning rate must be a non-negative number, got {learningRate}.", nameof(learningRate));
        }

        parameterArray = parameters.ToArray();
        Parameters = parameterArray;
        LearningRate = learningRate;
    }

    /// <summary>The parameters updated by <see cref="Step"/>.</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>The learning rate used by the next <see cref="Step"/>.</summary>
    public float LearningRate { get; set; }

    /// <summary>Steps taken so far (Adam's bias correction uses it).</summary>
    public long StepCount { get; protected set; }

    /// <summary>The optimizer's kind as written in its state file ("sgd", "adam", "adamw").</summary>
    public abstract string Kind { get; }

    /// <summary>Updates every parameter from its gradient; parameters without a gradient are skipped.</summary>
    public abstract void Step();

    /// <summary>Sets all parameter gradients to zero.</summary>
    public void ZeroGrad()
    {
        foreach (Tensor p in parameterArray)
        {
            p.ZeroGrad();
        }
    }

    /// <summary>
    /// Per-parameter state by name ("{slot}.{index}", e.g. "exp_avg.3"), the tensors themselves; allocated lazily so a
    /// fresh optimizer has none.
    /// </summary>
    public abstract IReadOnlyDictionary<string, Tensor> State();

    /// <summary>Restores the step count and the state tensors written by <see cref="State"/>.</summary>
    /// <exception cref="Serialization.WeightsFileException">A state tensor is unknown or has the wrong shape.</exception>
    public abstract void LoadState(long stepCount, IReadOnlyDictionary<string, Tensor> state);

    /// <summary>Hyper-parameters written to the state file as JSON-friendly numbers.</summary>
    public abstract IReadOnlyDictionary<string, double> HyperParameters { get; }

    /// <summary>Loads named slot tensors (helper for the derived classes).</summary>
    protected void LoadSlots(IReadOnlyDictionary<string, Tensor> state, params (string Name, Tensor[] Slots)[] slots)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string name, Tensor[] tensors) in slots)
        {
            for (int i = 0; i < tensors.Length; i++)
            {
                string key = $"{name}.{i}";
                known.Add(key);
                if (state.TryGetValue(key, out Tensor? t))
                {
                    if (t.Length != Parameters[i].Length)
                    {
                        throw new Serialization.WeightsFileException($"Optimizer state '{key}' has {t.Length} values but parameter {i} {Parameters[i].ShapeString} has {Parameters[i].Length}: the state belongs to another model.");
                    }

                    tensors[i].CopyFrom(t.Span);
                }
                else
                {
                    tensors[i].Span.Clear();
                }
            }
        }

        foreach (string key in state.Keys)
        {
            if (!known.Contains(key))
            {
                throw new Serialization.WeightsFileException($"Optimizer state '{key}' does not belong to a {Kind} optimizer over {Parameters.Count} parameters.");
            }
        }
    }

    /// <summary>Allocates one zero tensor per parameter.</summary>
    protected Tensor[] NewSlots() => Parameters.Select(p => new Tensor(p.Shape)).ToArray();

    /// <summary>Names every slot tensor for <see cref="State"/>.</summary>
    protected static void AddSlots(Dictionary<string, Tensor> state, string name, Tensor[] slots)
    {
        for (int i = 0; i < slots.Length; i++)
        {
            state[$"{name}.{i}"] = slots[i];
        }
    }
}
