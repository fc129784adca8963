using System.Runtime.InteropServices;
using Zero.Engine.Models;

namespace Zero.Engine.Serialization;

/// <summary>
/// Writes a policy-value network (<see cref="PolicyValueNetConfig"/> and its named weights, the layout every weights
/// file uses) as an ONNX model (opset 17), so other runtimes can run the very network Zero runs: `zero bench nn --ort`
/// times ONNX Runtime on it. Batch norms stay BatchNormalization nodes (ONNX Runtime folds them into the convolution,
/// as Zero does); the batch dimension is symbolic ("N").
/// <code>
/// input  "input"  [N, planes, H, W]
/// output "policy" [N, PolicySize] logits; "value" [N, 1] tanh (scalar head) or [N, 3] win/draw/loss logits
/// </code>
/// </summary>
public static class OnnxExport
{
    private const int FloatType = 1;
    private const int Int64Type = 7;

    /// <summary>The ONNX model bytes.</summary>
    /// <exception cref="ArgumentException">A weight is missing or has the wrong size; the message names it.</exception>
    public static byte[] Write(PolicyValueNetConfig config, IReadOnlyDictionary<string, float[]> weights)
    {
        var g = new Graph(weights);
        int c = config.Channels, hw = config.Height * config.Width;
        string x = g.ConvBn("input", "stem.conv.weight", "stem.bn", config.InputPlanes, c, 3);
        x = g.Node("Relu", [x]);
        for (int i = 0; i < config.Blocks; i++)
        {
            string y = g.Node("Relu", [g.ConvBn(x, $"blocks.{i}.conv1.weight", $"blocks.{i}.bn1", c, c, 3)]);
            y = g.ConvBn(y, $"blocks.{i}.conv2.weight", $"blocks.{i}.bn2", c, c, 3);
            if (config.SqueezeExcitationRatio > 0)
            {
                int squeezed = c / config.SqueezeExcitationRatio;
                string s = g.Node("Flatten", [g.Node("GlobalAveragePool", [y])], w => w.Int("axis", 1));
                s = g.Node("Relu", [g.Fc(s, $"blocks.{i}.se.fc1", c, squeezed)]);
                s = g.Node("Sigmoid", [g.Fc(s, $"blocks.{i}.se.fc2", squeezed, c)]);
                s = g.Node("Reshape", [s, g.Int64Constant([0, c, 1, 1])]);
                y = g.Node("Mul", [y, s]);
            }
            x = g.Node("Relu", [g.Node("Add", [y, x])]);
        }
        string p = g.Node("Relu", [g.ConvBn(x, "policy.conv.weight", "policy.bn", c, config.PolicyChannels, 1)]);
        p = g.Node("Flatten", [p], w => w.Int("axis", 1));
        g.Fc(p, "policy.fc", config.PolicyChannels * hw, config.PolicySize, "policy");
        string v = g.Node("Relu", [g.ConvBn(x, "value.conv.weight", "value.bn", c, config.ValueChannels, 1)]);
        v = g.Node("Flatten", [v], w => w.Int("axis", 1));
        v = g.Node("Relu", [g.Fc(v, "value.fc1", config.ValueChannels * hw, config.ValueHidden)]);
        if (config.ValueHead == ValueHeadKind.Scalar)
        {
            g.Node("Tanh", [g.Fc(v, "value.fc2", config.ValueHidden, 1)], output: "value");
        }
        else
        {
            g.Fc(v, "value.fc2", config.ValueHidden, 3, "value");
        }

        var graph = g.Body;
        graph.String(2, "zero-policy-value");
        graph.Message(11, ValueInfo("input", config.InputPlanes, config.Height, config.Width));
        graph.Message(12, ValueInfo("policy", config.PolicySize));
        graph.Message(12, ValueInfo("value", config.ValueOutputs));
        return new ProtoWriter()
            .Varint(1, 8) // ir_version
            .String(2, "zero")
            .Message(7, graph)
            .Message(8, new ProtoWriter().String(1, "").Varint(2, 17)) // opset_import: default domain, opset 17
            .ToArray();
    }

    /// <summary>ValueInfoProto of a float tensor [N, dims...].</summary>
    private static ProtoWriter ValueInfo(string name, params int[] dims)
    {
        var shape = new ProtoWriter().Message(1, new ProtoWriter().String(2, "N"));
        foreach (int d in dims)
        {
            shape.Message(1, new ProtoWriter().Varint(1, d));
        }
        var tensorType = new ProtoWriter().Varint(1, FloatType).Message(2, shape);
        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensorType));
    }

    /// <summary>The GraphProto under construction: nodes and initializers, with generated value names.</summary>
    private sealed class Graph(IReadOnlyDictionary<string, float[]> weights)
    {
        private int _next;

        public ProtoWriter Body { get; } = new();

        /// <summary>Conv (no bias, same padding) followed by BatchNormalization with the named running statistics.</summary>
        public string ConvBn(string input, string weightName, string bn, int cin, int cout, int k)
        {
            string w = Initializer(weightName, [cout, cin, k, k]);
            int pad = k / 2;
            string conv = Node("Conv", [input, w], a => a.Ints("kernel_shape", [k, k]).Ints("pads", [pad, pad, pad, pad]));
            return Node("BatchNormalization",
                [conv, Initializer(bn + ".weight", [cout]), Initializer(bn + ".bias", [cout]), Initializer(bn + ".running_mean", [cout]), Initializer(bn + ".running_var", [cout])],
                a => a.Float("epsilon", 1e-5f));
        }

        /// <summary>Gemm y = x·Wᵀ + b with the PyTorch-layout weight [out, in].</summary>
        public string Fc(string input, string prefix, int inputs, int outputs, string? output = null) =>
            Node("Gemm", [input, Initializer(prefix + ".weight", [outputs, inputs]), Initializer(prefix + ".bias", [outputs])], a => a.Int("transB", 1), output);

        /// <summary>An int64 constant initializer (a Reshape target shape).</summary>
        public string Int64Constant(long[] values)
        {
            string name = $"const{_next++}";
            Body.Message(5, new ProtoWriter().Varint(1, values.Length).Varint(2, Int64Type).String(8, name)
                .Bytes(9, MemoryMarshal.AsBytes(values.AsSpan())));
            return name;
        }

        /// <summary>Adds a node and returns its output's name.</summary>
        public string Node(string op, string[] inputs, Action<Attributes>? attributes = null, string? output = null)
        {
            output ??= $"t{_next++}";
            var node = new ProtoWriter();
            foreach (string i in inputs)
            {
                node.String(1, i);
            }
            node.String(2, output).String(3, $"{op}_{_next++}").String(4, op);
            attributes?.Invoke(new Attributes(node));
            Body.Message(1, node);
            return output;
        }

        private string Initializer(string name, int[] dims)
        {
            long count = dims.Aggregate(1L, (a, d) => a * d);
            if (!weights.TryGetValue(name, out float[]? values) || values.Length != count)
            {
                throw new ArgumentException($"ONNX export: weight '{name}' needs {count} values; the weights have {(values is null ? "none" : values.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))}.");
            }
            var t = new ProtoWriter();
            foreach (int d in dims)
            {
                t.Varint(1, d);
            }
            t.Varint(2, FloatType).String(8, name).Bytes(9, MemoryMarshal.AsBytes(values.AsSpan()));
            Body.Message(5, t);
            return name;
        }
    }

    /// <summary>Writes AttributeProto fields into a node.</summary>
    private readonly struct Attributes(ProtoWriter node)
    {
        public Attributes Int(string name, long value)
        {
            node.Message(5, new ProtoWriter().String(1, name).Varint(3, value).Varint(20, 2));
            return this;
        }

        public Attributes Float(string name, float value)
        {
            node.Message(5, new ProtoWriter().String(1, name).Float(2, value).Varint(20, 1));
            return this;
        }

        public Attributes Ints(string name, long[] values)
        {
            var a = new ProtoWriter().String(1, name);
            foreach (long v in values)
            {
                a.Varint(8, v);
            }
            node.Message(5, a.Varint(20, 7));
            return this;
        }
    }
}
