using Microsoft.ML.OnnxRuntime;
using Zero.Engine.Models;
using Zero.Engine.Serialization;

namespace Zero.Cli.Commands;

/// <summary>
/// ONNX Runtime as a measured reference for `zero bench nn --ort`: the same network (config and weights) Zero runs,
/// written as ONNX by <see cref="OnnxExport"/> (no python needed), run in this process by an ONNX Runtime session with
/// the same thread count and every graph optimisation on. Inputs and outputs are bound once, so a call times only
/// the session's work.
/// </summary>
internal sealed class OrtReference : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _run = new();
    private readonly PolicyValueNetConfig _config;

    private OrtReference(InferenceSession session, PolicyValueNetConfig config)
    {
        _session = session;
        _config = config;
    }

    /// <summary>A session over the ONNX export of <paramref name="config"/> with <paramref name="weights"/>.</summary>
    /// <exception cref="ZeroException">ONNX Runtime's native library cannot be loaded here.</exception>
    public static OrtReference Create(PolicyValueNetConfig config, IReadOnlyDictionary<string, float[]> weights, int threads)
    {
        byte[] model = OnnxExport.Write(config, weights);
        try
        {
            var options = new SessionOptions
            {
                IntraOpNumThreads = threads,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            };
            return new OrtReference(new InferenceSession(model, options), config);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw new ZeroException($"--ort: ONNX Runtime's native library could not be loaded ({e.GetBaseException().Message}); " +
                "it ships with the build for the platform that built zero: rebuild on this machine (rm -rf .build; ./zero bench nn --ort).");
        }
    }

    /// <summary>
    /// Evaluates <paramref name="batch"/> positions: policy logits [batch, PolicySize] and the raw value head output
    /// [batch, ValueOutputs] (tanh value, or win/draw/loss logits).
    /// </summary>
    public Bound Bind(float[] input, int batch, float[] policy, float[] value)
    {
        PolicyValueNetConfig c = _config;
        return new Bound(this,
            OrtValue.CreateTensorValueFromMemory(input, [batch, c.InputPlanes, c.Height, c.Width]),
            OrtValue.CreateTensorValueFromMemory(policy, [batch, c.PolicySize]),
            OrtValue.CreateTensorValueFromMemory(value, [batch, c.ValueOutputs]));
    }

    public void Dispose()
    {
        _run.Dispose();
        _session.Dispose();
    }

    /// <summary>Input and outputs bound to caller-owned arrays; <see cref="Run"/> evaluates into them.</summary>
    internal sealed class Bound(OrtReference owner, OrtValue input, OrtValue policy, OrtValue value) : IDisposable
    {
        private static readonly string[] InputNames = ["input"];
        private static readonly string[] OutputNames = ["policy", "value"];
        private readonly OrtValue[] _inputs = [input];
        private readonly OrtValue[] _outputs = [policy, value];

        public void Run() => owner._session.Run(owner._run, InputNames, _inputs, OutputNames, _outputs);

        public void Dispose()
        {
            input.Dispose();
            policy.Dispose();
            value.Dispose();
        }
    }
}
