using Zero.Engine.Tensors;

namespace Zero.Engine.Optim;

/// <summary>
/// RMSprop (Hinton's lecture 6e) with PyTorch's semantics (torch.optim.RMSprop): g += λp; s = αs + (1−α)g²;
/// centred: ḡ = αḡ + (1−α)g and d = √(s − ḡ²) + ε, else d = √s + ε; with momentum μ: b = μb + g/d, p −= lr·b, else
/// p −= lr·g/d. <c>tfLike: true</c> is SB3's RMSpropTFLike (the TensorFlow 1 / SB2 variant A2C's Atari settings use):
/// s starts at 1 instead of 0 and ε goes inside the root, d = √(s + ε) (centred: √(s − ḡ² + ε)). SB3's A2C default is
/// the PyTorch form with α 0.99 and ε 1e-5 (use_rms_prop, rms_prop_eps). Called by <c>Zero.Rl</c>'s A2C.
/// </summary>
public sealed class RmsProp : Optimizer
{
    private readonly Tensor[] squareAvg;
    private readonly Tensor[] gradAvg;
    private readonly Tensor[] momentumBuffer;

    /// <summary>Creates the optimizer; PyTorch's defaults except where named.</summary>
    /// <exception cref="ArgumentException">A coefficient is out of range.</exception>
    public RmsProp(IReadOnlyList<Tensor> parameters, float learningRate = 1e-2f, float alpha = 0.99f, float eps = 1e-8f, float weightDecay = 0f, float momentum = 0f, bool centered = false, bool tfLike = false)
        : base(parameters, learningRate)
    {
        if (alpha is < 0 or > 1 || !(eps >= 0) || weightDecay < 0 || momentum < 0)
        {
            throw new ArgumentException($"RMSprop needs 0 ≤ α ≤ 1, ε ≥ 0, weight decay ≥ 0 and momentum ≥ 0; got α {alpha}, ε {eps}, λ {weightDecay}, μ {momentum}.");
        }

        Alpha = alpha;
        Eps = eps;
        WeightDecay = weightDecay;
        Momentum = momentum;
        Centered = centered;
        TfLike = tfLike;
        squareAvg = NewSlots();
        gradAvg = centered ? NewSlots() : [];
        momentumBuffer = momentum > 0 ? NewSlots() : [];
        if (tfLike)
        {
            foreach (Tensor s in squareAvg)
            {
                s.Span.Fill(1f);
            }
        }
    }

    /// <summary>α, the decay of the squared-gradient average.</summary>
    public float Alpha { get; }

    /// <summary>ε.</summary>
    public float Eps { get; }

    /// <summary>λ (L2, added to the gradient).</summary>
    public float WeightDecay { get; }

    /// <summary>μ (0: no momentum buffer).</summary>
    public float Momentum { get; }

    /// <summary>Divide by the centred second moment (an estimate of the variance).</summary>
    public bool Centered { get; }

    /// <summary>SB3's RMSpropTFLike: s starts at 1, ε inside the square root.</summary>
    public bool TfLike { get; }

    /// <inheritdoc />
    public override string Kind => TfLike ? "rmsprop_tf" : "rmsprop";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, double> HyperParameters => new Dictionary<string, double>
    {
        ["lr"] = LearningRate, ["alpha"] = Alpha, ["eps"] = Eps, ["weight_decay"] = WeightDecay, ["momentum"] = Momentum,
        ["centered"] = Centered ? 1 : 0,
    };

    /// <inheritdoc />
    public override void Step()
    {
        StepCount++;
        float lr = LearningRate, a = Alpha, eps = Eps, wd = WeightDecay, mu = Momentum;
        for (int pi = 0; pi < Parameters.Count; pi++)
        {
            Tensor p = Parameters[pi];
            if (!p.HasGrad)
            {
                continue;
            }

            Span<float> w = p.Span;
            ReadOnlySpan<float> g = p.Grad;
            Span<float> s = squareAvg[pi].Span;
            Span<float> m = Centered ? gradAvg[pi].Span : default;
            Span<float> b = mu > 0 ? momentumBuffer[pi].Span : default;
            for (int i = 0; i < w.Length; i++)
            {
                float gi = g[i] + (wd * w[i]);
                s[i] = (a * s[i]) + ((1 - a) * gi * gi);
                float v = s[i];
                if (Centered)
                {
                    m[i] = (a * m[i]) + ((1 - a) * gi);
                    v -= m[i] * m[i];
                }

                float d = TfLike ? MathF.Sqrt(v + eps) : MathF.Sqrt(v) + eps;
                if (mu > 0)
                {
                    b[i] = (mu * b[i]) + (gi / d);
                    w[i] -= lr * b[i];
                }
                else
                {
                    w[i] -= lr * gi / d;
                }
            }
        }
    }

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, Tensor> State()
    {
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        AddSlots(state, "square_avg", squareAvg);
        if (Centered)
        {
            AddSlots(state, "grad_avg", gradAvg);
        }

        if (Momentum > 0)
        {
            AddSlots(state, "momentum_buffer", momentumBuffer);
        }

        return state;
    }

    /// <inheritdoc />
    public override void LoadState(long stepCount, IReadOnlyDictionary<string, Tensor> state)
    {
        var slots = new List<(string, Tensor[])> { ("square_avg", squareAvg) };
        if (Centered)
        {
            slots.Add(("grad_avg", gradAvg));
        }

        if (Momentum > 0)
        {
            slots.Add(("momentum_buffer", momentumBuffer));
        }

        LoadSlots(state, [.. slots]);
        StepCount = stepCount;
    }
}
