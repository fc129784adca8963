using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using Zero.Engine.Inference;
using Zero.Engine.Kernels;
using Zero.Engine.Models;

namespace Zero.Engine.Gpu;

/// <summary>
/// The inference network on an ILGPU accelerator (<see cref="GpuAccelerator"/>: a CUDA GPU, or ILGPU's CPU
/// accelerator): the same network as the CPU engine's <see cref="InferenceNet"/>, built from the same config and named
/// weights, every layer a <see cref="GpuKernels"/> launch over the whole batch.
/// <code>
/// input NCHW [N, planes, H, W]            (copied in on the slot's stream)
/// stem      conv3×3 + folded BN + ReLU                                    a
/// block i   b = relu(conv1(a)); a' = relu(conv2(b) + a)                   or, with SE: t = conv2(b); s = sigmoid(fc2(relu(fc1(mean t))));
///                                                                          a' = relu(t·s + a)
/// policy    relu(conv1×1(a)) [N, Pc·H·W] → FC → logits                    (copied out)
/// value     relu(conv1×1(a)) → FC → ReLU → FC → tanh | WDL logits         (copied out; softmax on the host)
/// </code>
/// Weights are folded and uploaded once. Activations live in per-slot buffers that grow to the largest batch seen
/// (any batch size works). There are two slots, each with its own stream: two callers (the search's batching
/// threads) evaluate at once, one batch's transfers overlapping the other's kernels. The outputs match the CPU
/// engine's to 1e-4 (the tests check every layer and whole networks on the CPU accelerator).
/// </summary>
public sealed class GpuInferenceNet : IInferenceNetwork, IDisposable
{
    private const float BnEpsilon = 1e-5f;
    private const int SlotCount = 2;

    private readonly Accelerator _acc;
    private readonly Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ConvShape> _conv;
    private readonly Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, FcShape> _fc;
    private readonly Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, int> _mean;
    private readonly Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int> _scaleAddRelu;
    private readonly Layer _stem;
    private readonly Layer[] _conv1;
    private readonly Layer[] _conv2;
    private readonly (Layer Fc1, Layer Fc2)?[] _se;
    private readonly Layer _policyConv, _valueConv, _policyFc, _valueFc1, _valueFc2;
    private readonly Slot[] _slots;
    private readonly List<MemoryBuffer1D<float, Stride1D.Dense>> _weights = [];
    private int _nextSlot;

    /// <summary>Folds and uploads the network of <paramref name="config"/> with <paramref name="weights"/> (the layout of <see cref="PolicyValueNetConfig"/>).</summary>
    /// <exception cref="ArgumentException">A weight is missing or has the wrong number of values; the message names it.</exception>
    public GpuInferenceNet(GpuAccelerator accelerator, PolicyValueNetConfig config, IReadOnlyDictionary<string, float[]> weights)
    {
        _acc = accelerator.Accelerator;
        Device = accelerator.Device;
        Config = config;
        _conv = _acc.LoadAutoGroupedKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ConvShape>(GpuKernels.Conv);
        _fc = _acc.LoadAutoGroupedKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, FcShape>(GpuKernels.Fc);
        _mean = _acc.LoadAutoGroupedKernel<Index1D, ArrayView<float>, ArrayView<float>, int>(GpuKernels.Mean);
        _scaleAddRelu = _acc.LoadAutoGroupedKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int>(GpuKernels.ScaleAddRelu);

        int c = config.Channels, hw = config.Height * config.Width;
        _stem = Conv(weights, "stem.conv.weight", "stem.bn", config.InputPlanes, c, 3);
        _conv1 = new Layer[config.Blocks];
        _conv2 = new Layer[config.Blocks];
        _se = new (Layer, Layer)?[config.Blocks];
        for (int i = 0; i < config.Blocks; i++)
        {
            _conv1[i] = Conv(weights, $"blocks.{i}.conv1.weight", $"blocks.{i}.bn1", c, c, 3);
            _conv2[i] = Conv(weights, $"blocks.{i}.conv2.weight", $"blocks.{i}.bn2", c, c, 3);
            if (config.SqueezeExcitationRatio > 0)
            {
                int squeezed = c / config.SqueezeExcitationRatio;
                _se[i] = (Fc(weights, $"blocks.{i}.se.fc1", c, squeezed), Fc(weights, $"blocks.{i}.se.fc2", squeezed, c));
            }
        }
        _policyConv = Conv(weights, "policy.conv.weight", "policy.bn", c, config.PolicyChannels, 1);
        _valueConv = Conv(weights, "value.conv.weight", "value.bn", c, config.ValueChannels, 1);
        _policyFc = Fc(weights, "policy.fc", config.PolicyChannels * hw, config.PolicySize);
        _valueFc1 = Fc(weights, "value.fc1", config.ValueChannels * hw, config.ValueHidden);
        _valueFc2 = Fc(weights, "value.fc2", config.ValueHidden, config.ValueOutputs);
        _slots = new Slot[SlotCount];
        for (int i = 0; i < SlotCount; i++)
        {
            _slots[i] = new Slot(_acc.CreateStream());
        }
    }

    public PolicyValueNetConfig Config { get; }

    public int InputSize => Config.InputPlanes * Config.Height * Config.Width;

    public string Device { get; }

    /// <inheritdoc/>
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
        Slot slot = Acquire();
        try
        {
            Run(slot, input, batch, policy, value, wdl.Length >= batch * 3 ? wdl : default);
        }
        finally
        {
            Monitor.Exit(slot);
        }
    }

    public void Dispose()
    {
        foreach (Slot s in _slots)
        {
            lock (s)
            {
                s.Dispose();
            }
        }
        foreach (MemoryBuffer1D<float, Stride1D.Dense> w in _weights)
        {
            w.Dispose();
        }
    }

    /// <summary>Runs one layer kind alone on <paramref name="input"/> (tests compare each with the CPU engine).</summary>
    internal float[] RunConvForTest(float[] input, int batch, int cin, int cout, int k, float[] weight, float[] bias, float[]? skip, bool relu)
    {
        var layer = new Layer(Upload(weight), Upload(bias), cin, cout);
        int hw = Config.Height * Config.Width;
        using var x = _acc.Allocate1D(input);
        using var s = _acc.Allocate1D(skip ?? new float[batch * cout * hw]);
        using var y = _acc.Allocate1D<float>(batch * cout * hw);
        _conv(_acc.DefaultStream, batch * cout * hw, x.View, layer.Weight.View, layer.Bias.View, s.View, y.View,
            new ConvShape(cin, cout, Config.Height, Config.Width, k, skip is null ? 0 : 1, relu ? 1 : 0));
        _acc.Synchronize();
        return y.GetAsArray1D();
    }

    /// <summary>One fully connected layer alone with the given activation (for the tests).</summary>
    internal float[] RunFcForTest(float[] input, int batch, int inputs, int outputs, float[] weight, float[] bias, int activation)
    {
        var layer = new Layer(Upload(weight), Upload(bias), inputs, outputs);
        using var x = _acc.Allocate1D(input);
        using var y = _acc.Allocate1D<float>(batch * outputs);
        Fc(_acc.DefaultStream, layer, batch, x.View, y.View, activation);
        _acc.Synchronize();
        return y.GetAsArray1D();
    }

    /// <summary>Squeeze-excitation of block <paramref name="block"/> alone: relu(y·s(y) + skip) (for the tests).</summary>
    internal float[] RunSqueezeExcitationForTest(int block, float[] y, float[] skip, int batch)
    {
        int c = Config.Channels, hw = Config.Height * Config.Width;
        using var yb = _acc.Allocate1D(y);
        using var sk = _acc.Allocate1D(skip);
        using var outB = _acc.Allocate1D<float>(y.Length);
        using var mean = _acc.Allocate1D<float>(batch * c);
        using var hidden = _acc.Allocate1D<float>(batch * c);
        using var scale = _acc.Allocate1D<float>(batch * c);
        SqueezeExcitation(_acc.DefaultStream, block, batch, yb.View, sk.View, outB.View, mean.View, hidden.View, scale.View);
        _acc.Synchronize();
        return outB.GetAsArray1D();
    }

    private Slot Acquire()
    {
        int start = (int)((uint)Interlocked.Increment(ref _nextSlot) % SlotCount);
        for (int i = 0; i < SlotCount; i++)
        {
            Slot s = _slots[(start + i) % SlotCount];
            if (Monitor.TryEnter(s))
            {
                return s;
            }
        }
        Slot wait = _slots[start];
        Monitor.Enter(wait);
        return wait;
    }

    private void Run(Slot slot, ReadOnlySpan<float> input, int batch, Span<float> policy, Span<float> value, Span<float> wdl)
    {
        PolicyValueNetConfig cfg = Config;
        int c = cfg.Channels, h = cfg.Height, w = cfg.Width, hw = h * w;
        slot.Ensure(_acc, cfg, batch);
        AcceleratorStream stream = slot.Stream;
        int inputLength = batch * InputSize;
        slot.Input!.View.SubView(0, inputLength).CopyFromCPU(stream, ref MemoryMarshal.GetReference(input), inputLength);

        ArrayView<float> a = slot.A!.View, b = slot.B!.View, t = slot.T!.View;
        Launch(stream, _stem, batch, slot.Input.View, default, a, 3, relu: true);
        for (int i = 0; i < _conv1.Length; i++)
        {
            Launch(stream, _conv1[i], batch, a, default, b, 3, relu: true);
            if (_se[i] is null)
            {
                Launch(stream, _conv2[i], batch, b, a, t, 3, relu: true);
            }
            else
            {
                Launch(stream, _conv2[i], batch, b, default, t, 3, relu: false);
                SqueezeExcitation(stream, i, batch, t, a, t, slot.Mean!.View, slot.Hidden!.View, slot.Scale!.View);
            }
            (a, t) = (t, a);
        }

        Launch(stream, _policyConv, batch, a, default, slot.PolicyPlanes!.View, 1, relu: true);
        Fc(stream, _policyFc, batch, slot.PolicyPlanes.View, slot.Policy!.View, FcShape.None);
        Launch(stream, _valueConv, batch, a, default, slot.ValuePlanes!.View, 1, relu: true);
        Fc(stream, _valueFc1, batch, slot.ValuePlanes.View, slot.ValueHidden!.View, FcShape.ReluActivation);
        bool scalar = cfg.ValueHead == ValueHeadKind.Scalar;
        Fc(stream, _valueFc2, batch, slot.ValueHidden.View, slot.ValueOut!.View, scalar ? FcShape.TanhActivation : FcShape.None);

        int policyLength = batch * cfg.PolicySize, valueLength = batch * cfg.ValueOutputs;
        slot.Policy.View.SubView(0, policyLength).CopyToCPU(stream, ref MemoryMarshal.GetReference(policy), policyLength);
        slot.ValueOut.View.SubView(0, valueLength).CopyToCPU(stream, ref slot.HostValue[0], valueLength);
        stream.Synchronize();

        if (scalar)
        {
            slot.HostValue.AsSpan(0, batch).CopyTo(value);
            return;
        }
        for (int n = 0; n < batch; n++)
        {
            Span<float> logits = slot.HostValue.AsSpan(n * 3, 3);
            TensorPrimitives.SoftMax(logits, logits);
            value[n] = logits[0] - logits[2];
            if (!wdl.IsEmpty)
            {
                logits.CopyTo(wdl.Slice(n * 3, 3));
            }
        }
    }

    private void Launch(AcceleratorStream stream, Layer layer, int batch, ArrayView<float> x, ArrayView<float> skip, ArrayView<float> y, int k, bool relu)
    {
        bool residual = skip.IsValid;
        var shape = new ConvShape(layer.Inputs, layer.Outputs, Config.Height, Config.Width, k, residual ? 1 : 0, relu ? 1 : 0);
        _conv(stream, batch * layer.Outputs * Config.Height * Config.Width, x, layer.Weight.View, layer.Bias.View, residual ? skip : y, y, shape);
    }

    private void Fc(AcceleratorStream stream, Layer layer, int batch, ArrayView<float> x, ArrayView<float> y, int activation) =>
        _fc(stream, batch * layer.Outputs, x, layer.Weight.View, layer.Bias.View, y, new FcShape(layer.Inputs, layer.Outputs, activation));

    /// <summary>output = relu(y·sigmoid(fc2(relu(fc1(mean y)))) + skip); output may be y.</summary>
    private void SqueezeExcitation(AcceleratorStream stream, int block, int batch, ArrayView<float> y, ArrayView<float> skip, ArrayView<float> output,
        ArrayView<float> mean, ArrayView<float> hidden, ArrayView<float> scale)
    {
        (Layer fc1, Layer fc2) = _se[block]!.Value;
        int c = Config.Channels, hw = Config.Height * Config.Width;
        _mean(stream, batch * c, y, mean, hw);
        Fc(stream, fc1, batch, mean, hidden, FcShape.ReluActivation);
        Fc(stream, fc2, batch, hidden, scale, FcShape.SigmoidActivation);
        _scaleAddRelu(stream, batch * c * hw, y, scale, skip, output, hw);
    }

    private Layer Conv(IReadOnlyDictionary<string, float[]> weights, string weightName, string bn, int cin, int cout, int k)
    {
        float[] weight = Get(weights, weightName, cout * cin * k * k);
        float[] gamma = Get(weights, bn + ".weight", cout), beta = Get(weights, bn + ".bias", cout);
        float[] mean = Get(weights, bn + ".running_mean", cout), variance = Get(weights, bn + ".running_var", cout);
        var folded = new float[weight.Length];
        var bias = new float[cout];
        int per = cin * k * k;
        for (int co = 0; co < cout; co++)
        {
            double s = gamma[co] / Math.Sqrt(variance[co] + (double)BnEpsilon);
            bias[co] = (float)(beta[co] - mean[co] * s);
            for (int q = 0; q < per; q++)
            {
                folded[co * per + q] = (float)(weight[co * per + q] * s);
            }
        }
        return new Layer(Upload(folded), Upload(bias), cin, cout);
    }

    private Layer Fc(IReadOnlyDictionary<string, float[]> weights, string prefix, int inputs, int outputs) =>
        new(Upload(Get(weights, prefix + ".weight", outputs * inputs)), Upload(Get(weights, prefix + ".bias", outputs)), inputs, outputs);

    private MemoryBuffer1D<float, Stride1D.Dense> Upload(float[] values)
    {
        MemoryBuffer1D<float, Stride1D.Dense> buffer = _acc.Allocate1D(values);
        _weights.Add(buffer);
        return buffer;
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

    /// <summary>One layer's folded weights and bias on the device.</summary>
    private sealed record Layer(MemoryBuffer1D<float, Stride1D.Dense> Weight, MemoryBuffer1D<float, Stride1D.Dense> Bias, int Inputs, int Outputs);

    /// <summary>A stream and the activation buffers of one batch in flight; grows to the largest batch seen.</summary>
    private sealed class Slot(AcceleratorStream stream) : IDisposable
    {
        private int _capacity;

        public AcceleratorStream Stream { get; } = stream;
        public MemoryBuffer1D<float, Stride1D.Dense>? Input { get; private set; }
        public MemoryBuffer1D<float, Stride1D.Dense>? A { get; private set; }
        public MemoryBuffer1D<float, Stride1D.Dense>? B { get; private set; }
        public MemoryBuffer1D<float, Stride1D.Dense>? T { get; private set; }
        public MemoryBuffer1D<float, Stride1D.Dense>? PolicyPlanes { get; private set; }
        public MemoryBuffer1D<float, Stride1D.Dense>? ValuePlanes { get; private set; }
        public MemoryBuffer1D<float, Stride1D.Dense>? Policy { get; private set; }
        public MemoryBuffer1D<float, Stride1D.Dense>? ValueHidden { get; private set; }
        public MemoryBuffer1D<float, Stride1D.Dense>? ValueOut { get; private set; }
        public MemoryBuffer1D<float, Stride1D.Dense>? Mean { get; private set; }
        public MemoryBuffer1D<float, Stride1D.Dense>? Hidden { get; private set; }
        public MemoryBuffer1D<float, Stride1D.Dense>? Scale { get; private set; }
        public float[] HostValue { get; private set; } = [];

        public void Ensure(Accelerator acc, PolicyValueNetConfig cfg, int batch)
        {
            if (batch <= _capacity)
            {
                return;
            }
            DisposeBuffers();
            int n = Math.Max(batch, Math.Min(2 * _capacity, 4096));
            long hw = (long)cfg.Height * cfg.Width;
            Input = acc.Allocate1D<float>(n * cfg.InputPlanes * hw);
            A = acc.Allocate1D<float>(n * cfg.Channels * hw);
            B = acc.Allocate1D<float>(n * cfg.Channels * hw);
            T = acc.Allocate1D<float>(n * cfg.Channels * hw);
            PolicyPlanes = acc.Allocate1D<float>(n * cfg.PolicyChannels * hw);
            ValuePlanes = acc.Allocate1D<float>(n * cfg.ValueChannels * hw);
            Policy = acc.Allocate1D<float>((long)n * cfg.PolicySize);
            ValueHidden = acc.Allocate1D<float>((long)n * cfg.ValueHidden);
            ValueOut = acc.Allocate1D<float>((long)n * cfg.ValueOutputs);
            Mean = acc.Allocate1D<float>((long)n * cfg.Channels);
            Hidden = acc.Allocate1D<float>((long)n * cfg.Channels);
            Scale = acc.Allocate1D<float>((long)n * cfg.Channels);
            HostValue = new float[n * cfg.ValueOutputs];
            _capacity = n;
        }

        public void Dispose()
        {
            DisposeBuffers();
            Stream.Dispose();
        }

        private void DisposeBuffers()
        {
            foreach (MemoryBuffer1D<float, Stride1D.Dense>? b in new[] { Input, A, B, T, PolicyPlanes, ValuePlanes, Policy, ValueHidden, ValueOut, Mean, Hidden, Scale })
            {
                b?.Dispose();
            }
        }
    }
}
