using System.Numerics;
using Zero.Engine.Tensors;

namespace Zero.Engine.Optim;

/// <summary>
/// Adam (Kingma and Ba) and, with <c>decoupled: true</c>, AdamW (Loshchilov and Hutter), with PyTorch's semantics:
/// m = β₁m + (1−β₁)g, v = β₂v + (1−β₂)g², p −= lr·m̂/(√v̂ + ε) with bias-corrected m̂, v̂. Weight decay is L2 (added to
/// g) for Adam and p −= lr·λ·p before the update for AdamW. The inner loop is vectorised with Vector&lt;float&gt; because
/// PPO and SAC call it thousands of times per second on small networks.
/// </summary>
public sealed class Adam : Optimizer
{
    private readonly Tensor[] expAvg;
    private readonly Tensor[] expAvgSq;

    /// <summary>Creates Adam (or AdamW when <paramref name="decoupled"/>).</summary>
    /// <exception cref="ArgumentException">A coefficient is out of range.</exception>
    public Adam(IReadOnlyList<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float eps = 1e-8f, float weightDecay = 0f, bool decoupled = false)
        : base(parameters, learningRate)
    {
        if (beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1 || !(eps > 0) || weightDecay < 0)
        {
            throw new ArgumentException($"Adam needs 0 ≤ β₁, β₂ < 1, ε > 0 and weight decay ≥ 0; got β₁ {beta1}, β₂ {beta2}, ε {eps}, λ {weightDecay}.");
        }

        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
        Decoupled = decoupled;
        expAvg = NewSlots();
        expAvgSq = NewSlots();
    }

    /// <summary>β₁.</summary>
    public float Beta1 { get; }

    /// <summary>β₂.</summary>
    public float Beta2 { get; }

    /// <summary>ε.</summary>
    public float Eps { get; }

    /// <summary>λ.</summary>
    public float WeightDecay { get; }

    /// <summary>True for AdamW (decoupled weight decay).</summary>
    public bool Decoupled { get; }

    /// <inheritdoc />
    public override string Kind => Decoupled ? "adamw" : "adam";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, double> HyperParameters => new Dictionary<string, double>
    {
        ["lr"] = LearningRate, ["beta1"] = Beta1, ["beta2"] = Beta2, ["eps"] = Eps, ["weight_decay"] = WeightDecay,
    };

    /// <summary>AdamW with PyTorch's default weight decay 0.01.</summary>
    public static Adam AdamW(IReadOnlyList<Tensor> parameters, float learningRate = 1e-3f, float weightDecay = 0.01f, float beta1 = 0.9f, float beta2 = 0.999f, float eps = 1e-8f) =>
        new(parameters, learningRate, beta1, beta2, eps, weightDecay, decoupled: true);

    /// <inheritdoc />
    public override void Step()
    {
        StepCount++;
        float lr = LearningRate;
        float b1 = Beta1, b2 = Beta2;
        float c1 = 1f / (1f - MathF.Pow(b1, StepCount));
        float c2 = 1f / (1f - MathF.Pow(b2, StepCount));
        float l2 = Decoupled ? 0f : WeightDecay;
        float shrink = Decoupled ? 1f - (lr * WeightDecay) : 1f;
        for (int pi = 0; pi < Parameters.Count; pi++)
        {
            Tensor p = Parameters[pi];
            if (!p.HasGrad)
            {
                continue;
            }

            Span<float> w = p.Span;
            ReadOnlySpan<float> g = p.Grad;
            Span<float> m = expAvg[pi].Span;
            Span<float> v = expAvgSq[pi].Span;
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                int width = Vector<float>.Count;
                var vb1 = new Vector<float>(b1);
                var vb1c = new Vector<float>(1 - b1);
                var vb2 = new Vector<float>(b2);
                var vb2c = new Vector<float>(1 - b2);
                var vl2 = new Vector<float>(l2);
                var vshrink = new Vector<float>(shrink);
                var vstep = new Vector<float>(lr * c1);
                var vc2 = new Vector<float>(c2);
                var veps = new Vector<float>(Eps);
                for (; i <= w.Length - width; i += width)
                {
                    var vw = new Vector<float>(w[i..]);
                    Vector<float> vg = new Vector<float>(g[i..]) + (vl2 * vw);
                    Vector<float> vm = (vb1 * new Vector<float>(m[i..])) + (vb1c * vg);
                    Vector<float> vv = (vb2 * new Vector<float>(v[i..])) + (vb2c * vg * vg);
                    vm.CopyTo(m[i..]);
                    vv.CopyTo(v[i..]);
                    Vector<float> denom = Vector.SquareRoot(vv * vc2) + veps;
                    ((vw * vshrink) - (vstep * vm / denom)).CopyTo(w[i..]);
                }
            }

            for (; i < w.Length; i++)
            {
                float gi = g[i] + (l2 * w[i]);
                m[i] = (b1 * m[i]) + ((1 - b1) * gi);
                v[i] = (b2 * v[i]) + ((1 - b2) * gi * gi);
                float denom = MathF.Sqrt(v[i] * c2) + Eps;
                w[i] = (w[i] * shrink) - (lr * c1 * m[i] / denom);
            }
        }
    }

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, Tensor> State()
    {
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        AddSlots(state, "exp_avg", expAvg);
        AddSlots(state, "exp_avg_sq", expAvgSq);
        return state;
    }

    /// <inheritdoc />
    public override void LoadState(long stepCount, IReadOnlyDictionary<string, Tensor> state)
    {
        LoadSlots(state, ("exp_avg", expAvg), ("exp_avg_sq", expAvgSq));
        StepCount = stepCount;
    }
}
