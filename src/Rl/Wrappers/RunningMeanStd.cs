namespace Zero.Rl.Wrappers;

/// <summary>
/// Running mean and variance of a vector stream, merged batch by batch with Chan et al.'s parallel formula, as
/// SB3's <c>RunningMeanStd</c> (count starts at ε = 1e-4, mean 0, variance 1). Used by <see cref="VecNormalize"/>
/// for observations and discounted returns; its <see cref="State"/> is saved in the model file so evaluation
/// normalises exactly as training did.
/// </summary>
public sealed class RunningMeanStd
{
    private readonly double[] _mean;
    private readonly double[] _var;
    private readonly double[] _batchMean;
    private readonly double[] _batchVar;

    /// <summary>Statistics of <paramref name="size"/> dimensions.</summary>
    public RunningMeanStd(int size, double epsilon = 1e-4)
    {
        _mean = new double[size];
        _var = new double[size];
        _batchMean = new double[size];
        _batchVar = new double[size];
        Array.Fill(_var, 1.0);
        Count = epsilon;
    }

    /// <summary>Number of dimensions.</summary>
    public int Size => _mean.Length;

    /// <summary>Running mean.</summary>
    public ReadOnlySpan<double> Mean => _mean;

    /// <summary>Running (population) variance.</summary>
    public ReadOnlySpan<double> Variance => _var;

    /// <summary>Weight of the statistics (samples seen + ε).</summary>
    public double Count { get; private set; }

    /// <summary>Merges a batch of <paramref name="rows"/> rows of <see cref="Size"/> values each.</summary>
    public void Update(ReadOnlySpan<float> batch, int rows)
    {
        int d = _mean.Length;
        if (batch.Length != rows * d || rows < 1)
        {
            throw new ArgumentException($"Update needs {rows} rows of {d} values, got {batch.Length} values.", nameof(batch));
        }

        // 1. Batch mean and population variance.
        Array.Clear(_batchMean);
        Array.Clear(_batchVar);
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < d; j++)
            {
                _batchMean[j] += batch[(r * d) + j];
            }
        }
        for (int j = 0; j < d; j++)
        {
            _batchMean[j] /= rows;
        }
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < d; j++)
            {
                double e = batch[(r * d) + j] - _batchMean[j];
                _batchVar[j] += e * e;
            }
        }

        // 2. Chan's merge: M2 = M2_a + M2_b + δ²·n_a·n_b/n.
        double total = Count + rows;
        for (int j = 0; j < d; j++)
        {
            double bv = _batchVar[j] / rows;
            double delta = _batchMean[j] - _mean[j];
            double m2 = (_var[j] * Count) + (bv * rows) + (delta * delta * Count * rows / total);
            _mean[j] += delta * rows / total;
            _var[j] = m2 / total;
        }
        Count = total;
    }

    /// <summary>(x − mean)/sqrt(var + ε), clipped to ±<paramref name="clip"/>, in place.</summary>
    public void Normalize(Span<float> rowsData, float clip, double epsilon = 1e-8)
    {
        int d = _mean.Length;
        for (int i = 0; i < rowsData.Length; i++)
        {
            int j = i % d;
            double v = (rowsData[i] - _mean[j]) / Math.Sqrt(_var[j] + epsilon);
            rowsData[i] = (float)Math.Clamp(v, -clip, clip);
        }
    }

    /// <summary>A copy of the statistics (JSON-friendly) for the model file.</summary>
    public RunningMeanStdState State => new(_mean.ToArray(), _var.ToArray(), Count);

    /// <summary>Restores statistics saved with <see cref="State"/>. Throws <see cref="ArgumentException"/> on a size mismatch.</summary>
    public void Load(RunningMeanStdState state)
    {
        if (state.Mean.Length != _mean.Length || state.Variance.Length != _var.Length)
        {
            throw new ArgumentException($"Saved normalisation statistics have {state.Mean.Length} dimensions, this environment has {_mean.Length}: the model was trained on another environment?");
        }
        state.Mean.CopyTo(_mean, 0);
        state.Variance.CopyTo(_var, 0);
        Count = state.Count;
    }
}
