using System.Numerics;
using Zero.Engine.Tensors;

namespace Zero.Engine.Optim;

/// <summary>
/// Stochastic gradient descent with PyTorch's semantics: g = ∇ + λ·p (L2 weight decay); with momentum μ,
/// b = μ·b + g (b = g on the first step) and the update is b, or g + μ·b with Nesterov; p −= lr·update.
/// AlphaZero's trainer uses momentum 0.9 and λ = 1e-4.
/// </summary>
public sealed class Sgd : Optimizer
{
    private readonly Tensor[] momentumBuffers;

    /// <summary>Creates the optimizer.</summary>
    /// <exception cref="ArgumentException">Nesterov without momentum, or a negative coefficient.</exception>
    public Sgd(IReadOnlyList<Tensor> parameters, float learningRate, float momentum = 0f, float weightDecay = 0f, bool nesterov = false)
        : base(parameters, learningRate)
    {
        if (momentum < 0 || weightDecay < 0)
        {
            throw new ArgumentException($"Momentum ({momentum}) and weight decay ({weightDecay}) must be non-negative.");
        }

        if (nesterov && momentum <= 0)
        {
            throw new ArgumentException("Nesterov momentum needs a momentum above 0.", nameof(nesterov));
        }

        Momentum = momentum;
        WeightDecay = weightDecay;
        Nesterov = nesterov;
        momentumBuffers = NewSlots();
    }

    /// <summary>μ.</summary>
    public float Momentum { get; }

    /// <summary>λ (L2).</summary>
    public float WeightDecay { get; }

    /// <summary>Nesterov momentum.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc />
    public override string Kind => "sgd";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, double> HyperParameters => new Dictionary<string, double>
    {
        ["lr"] = LearningRate, ["momentum"] = Momentum, ["weight_decay"] = WeightDecay, ["nesterov"] = Nesterov ? 1 : 0,
    };

    /// <inheritdoc />
    public override void Step()
    {
        bool first = StepCount == 0;
        StepCount++;
        float lr = LearningRate;
        float mu = Momentum;
        float wd = WeightDecay;
        for (int pi = 0; pi < Parameters.Count; pi++)
        {
            Tensor p = Parameters[pi];
            if (!p.HasGrad)
            {
                continue;
            }

            Span<float> w = p.Span;
            ReadOnlySpan<float> g = p.Grad;
            Span<float> b = momentumBuffers[pi].Span;
            int i = 0;
            if (Vector.IsHardwareAccelerated && mu > 0 && !first)
            {
                var vlr = new Vector<float>(lr);
                var vmu = new Vector<float>(mu);
                var vwd = new Vector<float>(wd);
                int width = Vector<float>.Count;
                for (; i <= w.Length - width; i += width)
                {
                    var vw = new Vector<float>(w[i..]);
                    Vector<float> vg = new Vector<float>(g[i..]) + (vwd * vw);
                    Vector<float> vb = (vmu * new Vector<float>(b[i..])) + vg;
                    vb.CopyTo(b[i..]);
                    Vector<float> upd = Nesterov ? vg + (vmu * vb) : vb;
                    (vw - (vlr * upd)).CopyTo(w[i..]);
                }
            }

            for (; i < w.Length; i++)
            {
                float gi = g[i] + (wd * w[i]);
                if (mu > 0)
                {
                    b[i] = first ? gi : (mu * b[i]) + gi;
                    gi = Nesterov ? gi + (mu * b[i]) : b[i];
                }

                w[i] -= lr * gi;
            }
        }
    }

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, Tensor> State()
    {
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        if (Momentum > 0)
        {
            AddSlots(state, "momentum_buffer", momentumBuffers);
        }

        return state;
    }

    /// <inheritdoc />
    public override void LoadState(long stepCount, IReadOnlyDictionary<string, Tensor> state)
    {
        LoadSlots(state, ("momentum_buffer", momentumBuffers));
        StepCount = stepCount;
    }
}
