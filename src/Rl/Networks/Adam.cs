namespace Zero.Rl.Networks;

/// <summary>
/// Adam (Kingma &amp; Ba) exactly as PyTorch's <c>torch.optim.Adam</c> without weight decay: bias-corrected first
/// and second moments, ε added to the corrected √v. Works over any list of (parameter, gradient) arrays, so one
/// optimiser can cover two networks plus a free log-σ vector (SB3 PPO). The learning rate is settable for schedules.
/// </summary>
public sealed class Adam
{
    private readonly float[][] _parameters;
    private readonly float[][] _gradients;
    private readonly float[][] _m;
    private readonly float[][] _v;
    private long _step;

    /// <summary>Creates the optimiser. Throws <see cref="ArgumentException"/> when the lists do not pair up.</summary>
    public Adam(IReadOnlyList<float[]> parameters, IReadOnlyList<float[]> gradients, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        if (parameters.Count != gradients.Count || parameters.Where((p, i) => p.Length != gradients[i].Length).Any())
        {
            throw new ArgumentException("Adam needs one gradient array of the same length per parameter array.");
        }
        _parameters = parameters.ToArray();
        _gradients = gradients.ToArray();
        _m = _parameters.Select(p => new float[p.Length]).ToArray();
        _v = _parameters.Select(p => new float[p.Length]).ToArray();
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>Current learning rate.</summary>
    public double LearningRate { get; set; }

    /// <summary>β1, β2, ε.</summary>
    public double Beta1 { get; }

    /// <inheritdoc cref="Beta1"/>
    public double Beta2 { get; }

    /// <inheritdoc cref="Beta1"/>
    public double Epsilon { get; }

    /// <summary>Gradient arrays this optimiser reads.</summary>
    public IReadOnlyList<float[]> Gradients => _gradients;

    /// <summary>One update from the current gradients.</summary>
    public void Step()
    {
        _step++;
        float b1 = (float)Beta1, b2 = (float)Beta2;
        double bias1 = 1 - Math.Pow(Beta1, _step);
        double bias2 = 1 - Math.Pow(Beta2, _step);
        float stepSize = (float)(LearningRate / bias1);
        float invSqrtBias2 = (float)(1 / Math.Sqrt(bias2));
        float eps = (float)Epsilon;
        for (int t = 0; t < _parameters.Length; t++)
        {
            float[] p = _parameters[t], g = _gradients[t], m = _m[t], v = _v[t];
            for (int i = 0; i < p.Length; i++)
            {
                float gi = g[i];
                m[i] = (b1 * m[i]) + ((1 - b1) * gi);
                v[i] = (b2 * v[i]) + ((1 - b2) * gi * gi);
                p[i] -= stepSize * m[i] / ((MathF.Sqrt(v[i]) * invSqrtBias2) + eps);
            }
        }
    }

    /// <summary>
    /// Scales all gradients so their global L2 norm is at most <paramref name="maxNorm"/> (PyTorch's
    /// <c>clip_grad_norm_</c>, factor max/(norm + 1e-6)); returns the norm before clipping.
    /// </summary>
    public double ClipGradientNorm(double maxNorm)
    {
        double sum = 0;
        foreach (float[] g in _gradients)
        {
            sum += System.Numerics.Tensors.TensorPrimitives.SumOfSquares(g);
        }
        double norm = Math.Sqrt(sum);
        if (norm > maxNorm)
        {
            float f = (float)(maxNorm / (norm + 1e-6));
            foreach (float[] g in _gradients)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(g, f, g);
            }
        }
        return norm;
    }

    /// <summary>Zeroes every gradient array.</summary>
    public void ZeroGradients()
    {
        foreach (float[] g in _gradients)
        {
            Array.Clear(g);
        }
    }

    /// <summary>Moment buffers and step count, for saving and restoring training state.</summary>
    internal (float[][] M, float[][] V, long Step) State => (_m, _v, _step);
}
