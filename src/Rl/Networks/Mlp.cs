using System.Numerics.Tensors;

namespace Zero.Rl.Networks;

/// <summary>
/// A multilayer perceptron with a hand-written backward pass, the network of every RL algorithm here: linear
/// layers with a hidden non-linearity and a linear output. <c>Forward</c> keeps the activations of the batch so
/// that <c>Backward</c> can accumulate parameter gradients (and optionally the input gradient, which SAC's actor
/// needs through the critic). All buffers are reused across calls, so training allocates nothing per step.
/// <code>
/// weights[l]: in×out row-major (Y = X·W + b)     activations[0] = X, activations[l+1] = act(activations[l]·W[l] + b[l])
/// parameters: W0, b0, W1, b1, …  (gradients in the same order)
/// </code>
/// Created by the algorithms; saved by <see cref="Algorithms.ModelFile"/>.
/// </summary>
public sealed class Mlp
{
    private readonly int[] _sizes;
    private readonly float[][] _weights;
    private readonly float[][] _biases;
    private readonly float[][] _gradWeights;
    private readonly float[][] _gradBiases;
    private readonly float[][] _activations;
    private readonly float[] _transposed;
    private float[] _gradA = [];
    private float[] _gradB = [];
    private int _capacity;

    /// <summary>Creates a network of layer sizes <paramref name="sizes"/> (input first), initialised as PyTorch's nn.Linear (U(±1/√fan_in)).</summary>
    public Mlp(int[] sizes, Activation activation, RandomSource random)
    {
        if (sizes.Length < 2 || sizes.Any(s => s < 1))
        {
            throw new ArgumentException($"An MLP needs at least an input and an output size, all ≥ 1 (got [{string.Join(", ", sizes)}]).", nameof(sizes));
        }
        _sizes = (int[])sizes.Clone();
        Activation = activation;
        int layers = sizes.Length - 1;
        _weights = new float[layers][];
        _biases = new float[layers][];
        _gradWeights = new float[layers][];
        _gradBiases = new float[layers][];
        _activations = new float[sizes.Length][];
        for (int l = 0; l < layers; l++)
        {
            _weights[l] = new float[sizes[l] * sizes[l + 1]];
            _biases[l] = new float[sizes[l + 1]];
            _gradWeights[l] = new float[_weights[l].Length];
            _gradBiases[l] = new float[_biases[l].Length];
            float bound = 1f / MathF.Sqrt(sizes[l]);
            for (int i = 0; i < _weights[l].Length; i++)
            {
                _weights[l][i] = (float)random.Uniform(-bound, bound);
            }
            for (int i = 0; i < _biases[l].Length; i++)
            {
                _biases[l][i] = (float)random.Uniform(-bound, bound);
            }
        }
        _transposed = new float[_weights.Max(w => w.Length)];
        for (int i = 0; i < _activations.Length; i++)
        {
            _activations[i] = [];
        }
        Parameters = Enumerable.Range(0, layers).SelectMany(l => new[] { _weights[l], _biases[l] }).ToArray();
        Gradients = Enumerable.Range(0, layers).SelectMany(l => new[] { _gradWeights[l], _gradBiases[l] }).ToArray();
    }

    /// <summary>Layer sizes, input first.</summary>
    public IReadOnlyList<int> Sizes => _sizes;

    /// <summary>Input width.</summary>
    public int InputSize => _sizes[0];

    /// <summary>Output width.</summary>
    public int OutputSize => _sizes[^1];

    /// <summary>Hidden non-linearity.</summary>
    public Activation Activation { get; }

    /// <summary>Parameter arrays: W0, b0, W1, b1, …</summary>
    public IReadOnlyList<float[]> Parameters { get; }

    /// <summary>Gradient arrays, in the order of <see cref="Parameters"/>.</summary>
    public IReadOnlyList<float[]> Gradients { get; }

    /// <summary>Total number of parameters.</summary>
    public int ParameterCount => Parameters.Sum(p => p.Length);

    /// <summary>
    /// Orthogonal initialisation as SB3's <c>ortho_init</c>: each weight matrix orthogonal with gain √2 for hidden
    /// layers and <paramref name="outputGain"/> for the last one; biases 0.
    /// </summary>
    public void InitializeOrthogonal(RandomSource random, float outputGain)
    {
        for (int l = 0; l < _weights.Length; l++)
        {
            float gain = l == _weights.Length - 1 ? outputGain : MathF.Sqrt(2f);
            Orthogonal(_weights[l], _sizes[l], _sizes[l + 1], gain, random);
            Array.Clear(_biases[l]);
        }
    }

    /// <summary>Fills w (rows×cols) with a random orthogonal matrix times gain (Gram–Schmidt on the shorter side).</summary>
    private static void Orthogonal(float[] w, int rows, int cols, float gain, RandomSource random)
    {
        bool byRows = rows <= cols;
        int count = byRows ? rows : cols;
        int length = byRows ? cols : rows;
        var vectors = new double[count][];
        for (int v = 0; v < count; v++)
        {
            var x = new double[length];
            for (int i = 0; i < length; i++)
            {
                x[i] = random.NextNormal();
            }
            for (int u = 0; u < v; u++)
            {
                double dot = 0;
                for (int i = 0; i < length; i++)
                {
                    dot += x[i] * vectors[u][i];
                }
                for (int i = 0; i < length; i++)
                {
                    x[i] -= dot * vectors[u][i];
                }
            }
            double norm = Math.Sqrt(x.Sum(e => e * e));
            for (int i = 0; i < length; i++)
            {
                x[i] /= norm;
            }
            vectors[v] = x;
        }
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                w[(r * cols) + c] = gain * (float)(byRows ? vectors[r][c] : vectors[c][r]);
            }
        }
    }

    private void EnsureCapacity(int batch)
    {
        if (batch <= _capacity)
        {
            return;
        }
        _capacity = Math.Max(batch, _capacity * 2);
        for (int i = 0; i < _sizes.Length; i++)
        {
            _activations[i] = new float[_capacity * _sizes[i]];
        }
        int widest = _sizes.Max();
        _gradA = new float[_capacity * widest];
        _gradB = new float[_capacity * widest];
    }

    /// <summary>
    /// Computes the outputs of <paramref name="batch"/> inputs (batch × InputSize floats) and keeps the activations
    /// for <see cref="Backward"/>. The returned span is valid until the next call.
    /// </summary>
    public ReadOnlySpan<float> Forward(ReadOnlySpan<float> input, int batch)
    {
        if (input.Length < batch * InputSize)
        {
            throw new ArgumentException($"Forward needs {batch} × {InputSize} inputs, got {input.Length}.", nameof(input));
        }
        EnsureCapacity(batch);
        input[..(batch * InputSize)].CopyTo(_activations[0]);
        for (int l = 0; l < _weights.Length; l++)
        {
            int inSize = _sizes[l], outSize = _sizes[l + 1];
            Span<float> y = _activations[l + 1].AsSpan(0, batch * outSize);
            for (int b = 0; b < batch; b++)
            {
                _biases[l].CopyTo(y.Slice(b * outSize, outSize));
            }
            SmallGemm.Multiply(batch, outSize, inSize, _activations[l], inSize, 1, _weights[l], y, accumulate: true);
            if (l < _weights.Length - 1)
            {
                if (Activation == Activation.Tanh)
                {
                    TensorPrimitives.Tanh(y, y);
                }
                else
                {
                    TensorPrimitives.Max(y, 0f, y);
                }
            }
        }
        return _activations[^1].AsSpan(0, batch * OutputSize);
    }

    /// <summary>
    /// Back-propagates dLoss/dOutput of the last <see cref="Forward"/> batch: adds the parameter gradients into
    /// <see cref="Gradients"/> and, when <paramref name="gradInput"/> is not empty, writes dLoss/dInput there.
    /// </summary>
    public void Backward(ReadOnlySpan<float> gradOutput, int batch, Span<float> gradInput = default)
    {
        if (batch > _capacity || gradOutput.Length < batch * OutputSize)
        {
            throw new InvalidOperationException($"Backward needs the {batch}-row batch of the last Forward and {batch} × {OutputSize} output gradients.");
        }
        gradOutput[..(batch * OutputSize)].CopyTo(_gradA);
        float[] g = _gradA, next = _gradB;
        for (int l = _weights.Length - 1; l >= 0; l--)
        {
            int inSize = _sizes[l], outSize = _sizes[l + 1];
            ReadOnlySpan<float> gl = g.AsSpan(0, batch * outSize);

            // 1. dW += Xᵀ·g (X read transposed through strides), db += column sums of g.
            SmallGemm.Multiply(inSize, outSize, batch, _activations[l], 1, inSize, gl, _gradWeights[l], accumulate: true);
            for (int b = 0; b < batch; b++)
            {
                TensorPrimitives.Add(_gradBiases[l], gl.Slice(b * outSize, outSize), _gradBiases[l]);
            }
            if (l == 0 && gradInput.IsEmpty)
            {
                break;
            }

            // 2. dX = g·Wᵀ (W transposed into a scratch so the product runs in the fast row-major form).
            float[] w = _weights[l];
            for (int i = 0; i < inSize; i++)
            {
                for (int o = 0; o < outSize; o++)
                {
                    _transposed[(o * inSize) + i] = w[(i * outSize) + o];
                }
            }
            Span<float> dx = l == 0 ? gradInput[..(batch * inSize)] : next.AsSpan(0, batch * inSize);
            SmallGemm.Multiply(batch, inSize, outSize, gl, outSize, 1, _transposed, dx, accumulate: false);
            if (l == 0)
            {
                break;
            }

            // 3. Through the hidden non-linearity, using its output a: tanh' = 1 − a², relu' = [a > 0].
            ReadOnlySpan<float> a = _activations[l].AsSpan(0, batch * inSize);
            if (Activation == Activation.Tanh)
            {
                for (int i = 0; i < dx.Length; i++)
                {
                    dx[i] *= 1f - (a[i] * a[i]);
                }
            }
            else
            {
                for (int i = 0; i < dx.Length; i++)
                {
                    if (a[i] <= 0f)
                    {
                        dx[i] = 0f;
                    }
                }
            }
            (g, next) = (next, g);
        }
    }

    /// <summary>Sets every gradient to zero.</summary>
    public void ZeroGradients()
    {
        foreach (float[] g in Gradients)
        {
            Array.Clear(g);
        }
    }

    /// <summary>Copies the parameters of a network of the same shape (hard target update).</summary>
    public void CopyFrom(Mlp other)
    {
        CheckSameShape(other);
        for (int i = 0; i < Parameters.Count; i++)
        {
            other.Parameters[i].CopyTo(Parameters[i], 0);
        }
    }

    /// <summary>Polyak averaging θ ← (1 − τ)θ + τθ_other (soft target update).</summary>
    public void SoftUpdateFrom(Mlp other, float tau)
    {
        CheckSameShape(other);
        for (int i = 0; i < Parameters.Count; i++)
        {
            float[] p = Parameters[i], q = other.Parameters[i];
            TensorPrimitives.Multiply(p, 1f - tau, p);
            TensorPrimitives.MultiplyAdd(q, tau, p, p);
        }
    }

    private void CheckSameShape(Mlp other)
    {
        if (!other._sizes.AsSpan().SequenceEqual(_sizes))
        {
            throw new ArgumentException($"Networks differ in shape: [{string.Join(", ", _sizes)}] vs [{string.Join(", ", other._sizes)}].");
        }
    }
}
