using Zero.Cli.Commands;
using Zero.Engine.Inference;
using Zero.Engine.Models;

namespace Zero.Cli.Tests.Commands;

/// <summary>
/// The ONNX export run by ONNX Runtime computes what Zero's inference network computes from the same weights: this
/// checks the ONNX writer (every layer kind: stem, blocks with and without squeeze-excitation, both value heads) and
/// that `zero bench nn --ort` times the same network.
/// </summary>
public sealed class OrtReferenceTests
{
    public static TheoryData<string> Configs() => new() { "connect4-se", "chess-wdl" };

    [Theory]
    [MemberData(nameof(Configs))]
    public void Run_ExportedNetwork_MatchesInferenceNet(string name)
    {
        PolicyValueNetConfig cfg = name == "connect4-se"
            ? PolicyValueNetConfig.Connect4 with { Blocks = 2, SqueezeExcitationRatio = 4 }
            : new PolicyValueNetConfig(12, 8, 8, 2, 32, 100, PolicyChannels: 4, ValueChannels: 2, ValueHidden: 16, ValueHead: ValueHeadKind.WinDrawLoss);
        IReadOnlyDictionary<string, float[]> weights = RandomWeights.Create(cfg, new Random(3));
        const int batch = 5;
        int inputSize = cfg.InputPlanes * cfg.Height * cfg.Width;
        var rng = new Random(4);
        float[] input = Enumerable.Range(0, batch * inputSize).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        var policy = new float[batch * cfg.PolicySize];
        var value = new float[batch];
        var wdl = new float[batch * 3];
        new InferenceNet(cfg, weights).Evaluate(input, batch, policy, value, wdl: wdl);

        var ortPolicy = new float[batch * cfg.PolicySize];
        var ortValue = new float[batch * cfg.ValueOutputs];
        using (var ort = OrtReference.Create(cfg, weights, 1))
        using (OrtReference.Bound bound = ort.Bind(input, batch, ortPolicy, ortValue))
        {
            bound.Run();
        }

        for (int i = 0; i < policy.Length; i++)
        {
            Assert.True(Math.Abs(policy[i] - ortPolicy[i]) <= 1e-3f * (1 + Math.Abs(policy[i])), $"policy[{i}] {ortPolicy[i]} vs Zero {policy[i]}");
        }
        for (int n = 0; n < batch; n++)
        {
            if (cfg.ValueHead == ValueHeadKind.Scalar)
            {
                Assert.Equal(value[n], ortValue[n], 1e-4f);
                continue;
            }
            float max = Math.Max(ortValue[n * 3], Math.Max(ortValue[n * 3 + 1], ortValue[n * 3 + 2]));
            double sum = 0;
            for (int j = 0; j < 3; j++)
            {
                sum += Math.Exp(ortValue[n * 3 + j] - max);
            }
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(wdl[n * 3 + j], Math.Exp(ortValue[n * 3 + j] - max) / sum, 1e-4);
            }
        }
    }
}
