using System.Runtime.CompilerServices;
using System.Numerics.Tensors;
using Zero.Engine.Kernels;
using Zero.Engine.Models;

namespace Zero.Engine.Inference;

/// <summary>
/// The fast, tape-free policy-value network the search evaluates positions with. Built from a
/// <see cref="PolicyValueNetConfig"/> and the named weights of the training model (or a weights file): every batch
/// norm is folded into the convolution before it, bias + ReLU (+ residual add) run in the convolution's last pass,
/// activations stay NHWC in buffers reused across calls, and every layer runs on the <see cref="ComputePool"/> given.
/// <code>
/// input NCHW [N, planes, H, W] → NHWC [N·H·W, planes]
/// stem      conv3×3+BN+ReLU                                     A
/// block i   B = relu(conv1(A));  A' = relu(conv2(B) (·SE) + A)    (A, A' swap)
/// policy    P = relu(conv1×1(A)) [N·H·W, Pc] = [N, H·W·Pc] → FC (weights permuted to NHWC flatten order)
/// value     V = relu(conv1×1(A)) → FC → ReLU → FC → tanh | softmax (W, D, L) and value = W − L
/// </code>
/// Convolution method per layer (see <see cref="FusedConv"/>): Winograd F(4×4,3×3) for the tower, im2col + GEMM for
/// the rest. Measured with <c>zero bench nn</c> on this 2-core AMD EPYC (Zen 4), the figures are in the README's
/// engine section and the closing notes. <see cref="Evaluate"/> is not re-entrant: calls on one instance are serialised.
/// </summary>
public sealed unsafe class InferenceNet : IInferenceNetwork
{
    private const float BnEpsilon = 1e-5f;

    private readonly object _gate = new();
    private readonly FusedConv _stem;
    private readonly FusedConv[] _conv1;
    private readonly FusedConv[] _conv2;
    private readonly SqueezeExcitation?[] _se;
    private readonly FusedConv _policyConv;
    private readonly FusedConv _valueConv;
    private readonly PackedMatrix _policyFc;
    private readonly PackedMatrix _valueFc1;
    private readonly PackedMatrix _valueFc2;
    private int _capacity;
    private float[] _buffer = [];

    /// <summary>Builds the network from flat arrays in the documented layout (see <see cref="PolicyValueNetConfig"/>).</summary>
    /// <exception cref="ArgumentException">A weight is missing or has the wrong number of values; the message names it.</exception>
    public InferenceNet(PolicyValueNetConfig config, IReadOnlyDictionary<string, float[]> weights, bool allowWinograd = true)
    {
        Config = config;
        int c = config.Channels, hw = config.Height * config.Width;
        _stem = Conv(weights, "stem.conv.weight", "stem.bn", config.InputPlanes, c, 3, allowWinograd);
        _conv1 = new FusedConv[config.Blocks];
        _conv2 = new FusedConv[config.Blocks];
        _se = new SqueezeExcitation?[config.Blocks];
        for (int i = 0; i < config.Blocks; i++)
        {
            _conv1[i] = Conv(weights, $"blocks.{i}.conv1.weight", $"blocks.{i}.bn1", c, c, 3, allowWinograd);
            _conv2[i] = Conv(weights, $"blocks.{i}.conv2.weight", $"blocks.{i}.bn2", c, c, 3, allowWinograd);
            if (config.SqueezeExcitationRatio > 0)
            {
                int squeezed = c / config.SqueezeExcitationRatio;
                _se[i] = new SqueezeExcitation(c, squeezed,
                    Get(weights, $"blocks.{i}.se.fc1.weight", squeezed * c), Get(weights, $"blocks.{i}.se.fc1.bias", squeezed),
                    Get(weights, $"blocks.{i}.se.fc2.weight", c * squeezed), Get(weights, $"blocks.{i}.se.fc2.bias", c));
            }
        }
        _policyConv = Conv(weights, "policy.conv.weight", "policy.bn", c, config.PolicyChannels, 1, allowWinograd);
        _valueConv = Conv(weights, "value.conv.weight", "value.bn", c, config.ValueChannels, 1, allowWinograd);
        _policyFc = FlattenedFc(weights, "policy.fc", config.PolicyChannels, hw, config.PolicySize);
        _valueFc1 = FlattenedFc(weights, "value.fc1", config.ValueChannels, hw, config.ValueHidden);
        float[] fc2 = Get(weights, "value.fc2.weight", config.ValueOutputs * config.ValueHidden);
        _valueFc2 = new PackedMatrix(config.ValueHidden, config.ValueOutputs, (p, j) => fc2[j * config.ValueHidden + p],
            Get(weights, "value.fc2.bias", config.ValueOutputs));
    }

    public PolicyValueNetConfig Config { get; }

    /// <summary>Floats per position in the input: planes × height × width.</summary>
    public int InputSize => Config.InputPlanes * Config.Height * Config.Width;

    /// <summary>"cpu": this is the CPU engine.</summary>
    public string Device => "cpu";

    /// <summary>Whether the residual tower runs by Winograd (AVX-512 machines, channel counts multiple of 16).</summary>
    public bool UsesWinograd => _conv1.Length > 0 && _conv1[0].UsesWinograd;

    /// <summary>
    /// Evaluates <paramref name="batch"/> positions: input [batch, planes, H, W] → policy logits [batch, PolicySize]
    /// and value [batch] (tanh for a scalar head; W − L for a win/draw/loss head, whose probabilities go to
    /// <paramref name="wdl"/> [batch, 3] when it is not empty).
    /// </summary>
    /// <exception cref="ArgumentException">A span is too short for the batch.</exception>
    public void Evaluate(ReadOnlySpan<float> input, int batch, Span<float> policy, Span<float> value, ComputePool? pool = null, Span<float> wdl = default)
    {
        PolicyValueNetConfig cfg = Config;
        if (batch < 0 || input.Length < batch * InputSize || policy.Length < batch * cfg.PolicySize || value.Length < batch)
        {
            throw new ArgumentException(
                $"Evaluate({batch} positions) needs input ≥ {batch * InputSize} floats ({cfg.InputPlanes}×{cfg.Height}×{cfg.Width} each), " +
                $"policy ≥ {batch * cfg.PolicySize} and value ≥ {batch}; got {input.Length}, {policy.Length}, {value.Length}.");
        }
        if (batch == 0)
        {
            return;
        }
        pool ??= ComputePool.Sequential;
        lock (_gate)
        {
            EnsureCapacity(batch);
            fixed (float* pIn = input)
            fixed (float* pPolicy = policy)
            fixed (float* pValue = value)
            fixed (float* pWdl = wdl)
            {
                Run(pIn, batch, pPolicy, pValue, wdl.Length >= batch * 3 ? pWdl : null, pool);
            }
        }
    }

    private void Run(float* input, int batch, float* policy, float* value, float* wdl, ComputePool pool)
    {
        PolicyValueNetConfig cfg = Config;
        int h = cfg.Height, w = cfg.Width, hw = h * w;
        Layout l = LayoutFor(_capacity);
        float* basePtr = (float*)(((nint)Unsafe.AsPointer(ref _buffer[0]) + 63) & ~(nint)63);
        float* x0 = basePtr + l.Input, a = basePtr + l.A, b = basePtr + l.B, a2 = basePtr + l.A2;
        float* p = basePtr + l.Policy, v = basePtr + l.Value, hid = basePtr + l.Hidden, vout = basePtr + l.ValueOut, se = basePtr + l.Se;

        // 1. NCHW → NHWC.
        int planes = cfg.InputPlanes;
        nint inAddr = (nint)input, x0Addr = (nint)x0;
        pool.For(batch, 8, (n0, n1) =>
        {
            for (int n = n0; n < n1; n++)
            {
                float* src = (float*)inAddr + (long)n * planes * hw;
                float* dst = (float*)x0Addr + (long)n * hw * planes;
                for (int ci = 0; ci < planes; ci++)
                {
                    for (int q = 0; q < hw; q++)
                    {
                        dst[q * planes + ci] = src[ci * hw + q];
                    }
                }
            }
        });

        // 2. Stem and residual tower.
        _stem.Forward(x0, batch, h, w, a, null, true, pool);
        for (int i = 0; i < _conv1.Length; i++)
        {
            _conv1[i].Forward(a, batch, h, w, b, null, true, pool);
            if (_se[i] is { } squeeze)
            {
                _conv2[i].Forward(b, batch, h, w, a2, null, false, pool);
                squeeze.Apply(a2, a, batch, hw, se, pool);
            }
            else
            {
                _conv2[i].Forward(b, batch, h, w, a2, a, true, pool);
            }
            float* swap = a;
            a = a2;
            a2 = swap;
        }

        // 3. Policy head: 1×1 conv, then the FC over the NHWC-flattened planes.
        _policyConv.Forward(a, batch, h, w, p, null, true, pool);
        PackedGemm.Multiply(batch, p, hw * cfg.PolicyChannels, _policyFc, policy, cfg.PolicySize, false, pool);

        // 4. Value head.
        _valueConv.Forward(a, batch, h, w, v, null, true, pool);
        PackedGemm.Multiply(batch, v, hw * cfg.ValueChannels, _valueFc1, hid, cfg.ValueHidden, true, pool);
        PackedGemm.Multiply(batch, hid, cfg.ValueHidden, _valueFc2, vout, cfg.ValueOutputs, false, pool);
        if (cfg.ValueHead == ValueHeadKind.Scalar)
        {
            TensorPrimitives.Tanh(new ReadOnlySpan<float>(vout, batch), new Span<float>(value, batch));
        }
        else
        {
            for (int n = 0; n < batch; n++)
            {
                var logits = new Span<float>(vout + n * 3, 3);
                TensorPrimitives.SoftMax(logits, logits);
                value[n] = logits[0] - logits[2];
                if (wdl != null)
                {
                    logits.CopyTo(new Span<float>(wdl + n * 3, 3));
                }
            }
        }
    }

    private void EnsureCapacity(int batch)
    {
        if (batch <= _capacity)
        {
            return;
        }
        int capacity = Math.Max(batch, Math.Min(2 * _capacity, 4096));
        Layout l = LayoutFor(capacity);
        _buffer = GC.AllocateArray<float>(checked((int)l.Total + 16), pinned: true);
        _capacity = capacity;
    }

    private Layout LayoutFor(int batch)
    {
        PolicyValueNetConfig cfg = Config;
        long rows = (long)batch * cfg.Height * cfg.Width;
        static long Round(long x) => (x + 15) / 16 * 16;
        long input = 0;
        long a = input + Round(rows * cfg.InputPlanes);
        long b = a + Round(rows * cfg.Channels);
        long a2 = b + Round(rows * cfg.Channels);
        long policy = a2 + Round(rows * cfg.Channels);
        long value = policy + Round(rows * cfg.PolicyChannels);
        long hidden = value + Round(rows * cfg.ValueChannels);
        long valueOut = hidden + Round((long)batch * cfg.ValueHidden);
        long se = valueOut + Round((long)batch * 3);
        long total = se + Round((long)batch * cfg.Channels * 3);
        return new Layout(input, a, b, a2, policy, value, hidden, valueOut, se, total);
    }

    private static FusedConv Conv(IReadOnlyDictionary<string, float[]> weights, string weightName, string bn, int cin, int cout, int k, bool allowWinograd)
    {
        float[] weight = Get(weights, weightName, cout * cin * k * k);
        float[] gamma = Get(weights, bn + ".weight", cout), beta = Get(weights, bn + ".bias", cout);
        float[] mean = Get(weights, bn + ".running_mean", cout), variance = Get(weights, bn + ".running_var", cout);
        var scale = new float[cout];
        var shift = new float[cout];
        for (int i = 0; i < cout; i++)
        {
            double s = gamma[i] / Math.Sqrt(variance[i] + (double)BnEpsilon);
            scale[i] = (float)s;
            shift[i] = (float)(beta[i] - mean[i] * s);
        }
        return new FusedConv(cin, cout, k, weight, scale, shift, allowWinograd);
    }

    /// <summary>FC whose PyTorch input index is c·HW + pixel, packed for our NHWC flatten order pixel·C + c.</summary>
    private static PackedMatrix FlattenedFc(IReadOnlyDictionary<string, float[]> weights, string prefix, int channels, int hw, int outputs)
    {
        int inputs = channels * hw;
        float[] weight = Get(weights, prefix + ".weight", outputs * inputs);
        return new PackedMatrix(inputs, outputs, (q, j) => weight[j * inputs + (q % channels) * hw + q / channels], Get(weights, prefix + ".bias", outputs));
    }

    private static float[] Get(IReadOnlyDictionary<string, float[]> weights, string name, int length)
    {
        if (!weights.TryGetValue(name, out float[]? values))
        {
            throw new ArgumentException($"The weights have no '{name}' ({length} values expected): were they saved from a network with another configuration?");
        }
        if (values.Length != length)
        {
            throw new ArgumentException($"Weight '{name}' has {values.Length} values but this configuration needs {length}: the weights belong to a network of another shape.");
        }
        return values;
    }

    private readonly record struct Layout(long Input, long A, long B, long A2, long Policy, long Value, long Hidden, long ValueOut, long Se, long Total);
}
