using Zero.Engine.Autograd;
using Zero.Engine.Inference;
using Zero.Engine.Models;
using Zero.Engine.Ops;
using Zero.Engine.Optim;
using Zero.Engine.Serialization;
using Zero.Engine.Tensors;
using Zero.Engine.Tests.Autograd;

namespace Zero.Engine.Tests.Models;

/// <summary>
/// The seam between training and play: a trained PolicyValueNet, saved to a weights file and loaded into the fused
/// InferenceNet, gives the same outputs as the training model in evaluation mode.
/// </summary>
public sealed class TrainingToInferenceTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"zero-t2i-{Guid.NewGuid():N}.zw");

    public void Dispose() => File.Delete(path);

    [Theory]
    [InlineData(ValueHeadKind.Scalar, 0)]
    [InlineData(ValueHeadKind.WinDrawLoss, 4)]
    public void TrainedNet_ThroughWeightsFile_MatchesInferenceNet(ValueHeadKind head, int seRatio)
    {
        // 1. A few SGD steps so that weights and running statistics are no longer at their initial values.
        var rng = new Random(21);
        var config = new PolicyValueNetConfig(3, 6, 7, 2, 16, 7, ValueHead: head, SqueezeExcitationRatio: seRatio);
        var net = new PolicyValueNet(config, rng);
        var sgd = new Sgd(net.Parameters(), 0.05f, momentum: 0.9f);
        Tensor x = GradCheck.Random(rng, 1, 16, 3, 6, 7);
        Tensor policy = new Tape().Softmax(GradCheck.Random(rng, 2, 16, 7));
        Tensor value = head == ValueHeadKind.Scalar ? GradCheck.Random(rng, 1, 16, 1) : new Tape().Softmax(GradCheck.Random(rng, 2, 16, 3));
        var tape = new Tape();
        for (int i = 0; i < 5; i++)
        {
            tape.Reset();
            PolicyValueLoss loss = net.Loss(tape, x, policy, value);
            sgd.ZeroGrad();
            tape.Backward(loss.Total);
            sgd.Step();
        }

        // 2. Training model in evaluation mode.
        net.Eval();
        tape.Reset();
        PolicyValueOutput expected;
        using (tape.NoGrad())
        {
            expected = net.Forward(tape, x);
        }

        // 3. Weights file → InferenceNet.
        WeightsFile.Save(path, net);
        (PolicyValueNetConfig loadedConfig, IReadOnlyDictionary<string, float[]> weights) = WeightsFile.ReadPolicyValueArrays(path);
        var inference = new InferenceNet(loadedConfig, weights);
        float[] p = new float[16 * 7];
        float[] v = new float[16];
        float[] wdl = new float[16 * 3];
        inference.Evaluate(x.Span, 16, p, v, wdl: head == ValueHeadKind.WinDrawLoss ? wdl : default);

        for (int i = 0; i < p.Length; i++)
        {
            Assert.Equal(expected.PolicyLogits[i], p[i], 1e-4);
        }

        if (head == ValueHeadKind.Scalar)
        {
            for (int i = 0; i < 16; i++)
            {
                Assert.Equal(expected.Value[i], v[i], 1e-4);
            }
        }
        else
        {
            float[] probs = new float[3];
            for (int i = 0; i < 16; i++)
            {
                TensorOps.RowSoftmax(expected.Value.Span.Slice(i * 3, 3), probs);
                for (int k = 0; k < 3; k++)
                {
                    Assert.Equal(probs[k], wdl[(i * 3) + k], 1e-4);
                }

                Assert.Equal(probs[0] - probs[2], v[i], 1e-4);
            }
        }
    }
}
