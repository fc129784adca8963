using Zero.Engine.Autograd;
using Zero.Engine.Models;
using Zero.Engine.Ops;
using Zero.Engine.Tensors;
using Zero.Rl.Algorithms;

namespace Zero.Rl.Tests.Algorithms;

/// <summary>
/// The RL algorithms on Zero.Engine: the tape-free action samplers against the differentiable engine ops (so PPO's
/// first ratio is 1 and SAC's target uses the actor's own log π), finite-difference checks of the PPO and SAC loss
/// graphs as the algorithms build them, and the model file's refusal of version-1 files.
/// </summary>
public sealed class EngineLossTests
{
    private static Tensor Param(RandomSource rng, double scale, params int[] shape)
    {
        var t = new Tensor(shape) { RequiresGrad = true };
        for (int i = 0; i < t.Length; i++)
        {
            t[i] = (float)(rng.NextNormal() * scale);
        }
        return t;
    }

    /// <summary>Central differences (three step sizes, loss in double) against the tape's gradient of every element.</summary>
    internal static void CheckGradients(Func<Tape, Tensor> loss, params Tensor[] inputs)
    {
        var tape = new Tape();
        foreach (Tensor t in inputs)
        {
            t.ZeroGrad();
        }
        tape.Backward(loss(tape));
        foreach (Tensor t in inputs)
        {
            float[] analytic = t.Grad.ToArray();
            for (int i = 0; i < t.Length; i++)
            {
                double Fd(float h)
                {
                    float keep = t[i];
                    t[i] = keep + h;
                    tape.Reset();
                    double up = loss(tape)[0];
                    t[i] = keep - h;
                    tape.Reset();
                    double down = loss(tape)[0];
                    t[i] = keep;
                    return (up - down) / (2 * h);
                }
                double[] estimates = [Fd(1e-2f), Fd(1e-3f), Fd(3e-3f)];
                Assert.True(estimates.Any(e => Math.Abs(e - analytic[i]) < 2e-2 * (1 + Math.Abs(e))), $"{t.ShapeString}[{i}]: {analytic[i]} vs {string.Join(", ", estimates)}");
            }
        }
    }

    [Fact]
    public void Categorical_SampledLogProbability_MatchesEngineOpAndFrequencies()
    {
        float[] logits = [0.3f, -1.2f, 0.8f];
        var rng = new RandomSource(5);
        var counts = new int[3];
        var tape = new Tape();
        Tensor z = Tensor.FromArray(logits, 1, 3);
        for (int n = 0; n < 20_000; n++)
        {
            int a = ActionSampling.Categorical(logits, rng, out float lp);
            counts[a]++;
            if (n < 10)
            {
                tape.Reset();
                Assert.Equal(tape.CategoricalLogProb(z, [a])[0], lp, 5);
            }
        }
        double sum = logits.Sum(l => Math.Exp(l));
        for (int j = 0; j < 3; j++)
        {
            Assert.InRange((counts[j] / 20_000.0) - (Math.Exp(logits[j]) / sum), -0.015, 0.015);
        }
        Assert.Equal(2, ActionSampling.ArgMax(logits));
    }

    [Fact]
    public void Gaussian_SampledLogProbability_MatchesEngineOp()
    {
        float[] mean = [0.2f, -0.5f], logStd = [-0.3f, 0.4f];
        var action = new float[2];
        float lp = ActionSampling.Gaussian(mean, logStd, new RandomSource(3), action);
        Tensor value = new Tape().GaussianLogProb(Tensor.FromArray(mean, 1, 2), Tensor.FromArray(logStd, 2), Tensor.FromArray(action, 1, 2));
        Assert.Equal(value[0], lp, 4);
    }

    [Fact]
    public void SquashedGaussian_SampledLogProbability_MatchesEngineOps()
    {
        float[] row = [0.3f, -0.7f, -0.5f, 0.2f];
        var action = new float[2];
        float lp = ActionSampling.SquashedGaussian(row, new RandomSource(4), action);

        // Replay the same noise: u = μ + σε, log π = log N(u; μ, σ) − log(1 − tanh²u).
        var again = new RandomSource(4);
        var u = new float[2];
        for (int j = 0; j < 2; j++)
        {
            u[j] = row[j] + (MathF.Exp(row[2 + j]) * (float)again.NextNormal());
            Assert.Equal(MathF.Tanh(u[j]), action[j], 6);
        }
        var tape = new Tape();
        Tensor ut = Tensor.FromArray(u, 1, 2);
        Tensor expected = tape.Sub(tape.GaussianLogProb(Tensor.FromArray(row.AsSpan(0, 2), 1, 2), Tensor.FromArray(row.AsSpan(2, 2), 1, 2), ut), tape.TanhSquashCorrection(ut));
        Assert.Equal(expected[0], lp, 4);
        var mode = new float[2];
        ActionSampling.SquashedMode(row, mode);
        Assert.Equal(MathF.Tanh(row[1]), mode[1]);
    }

    [Fact]
    public void PpoLossGraph_CategoricalAndGaussian_GradientsMatchFiniteDifferences()
    {
        var rng = new RandomSource(11);
        Tensor logits = Param(rng, 1, 5, 3);
        int[] actions = [0, 2, 1, 1, 0];
        Tensor oldLogp = Tensor.FromArray([-1.0f, -1.3f, -0.9f, -1.1f, -1.2f], 5);
        Tensor adv = Tensor.FromArray([0.5f, -1.0f, 1.5f, -0.2f, 0.8f], 5);

        // The clipped surrogate with an entropy bonus, as Ppo.Learn builds it (clip 0.2, entropy 0.01).
        Tensor Surrogate(Tape t, Tensor logp, Tensor entropy)
        {
            Tensor ratio = t.Exp(t.Sub(logp, oldLogp));
            Tensor s = t.Minimum(t.Mul(ratio, adv), t.Mul(t.Clamp(ratio, 0.8f, 1.2f), adv));
            return t.Sub(t.Neg(t.Mean(s)), t.Scale(t.Mean(entropy), 0.01f));
        }
        CheckGradients(t => Surrogate(t, t.CategoricalLogProb(logits, actions), t.CategoricalEntropy(logits)), logits);

        Tensor mean = Param(rng, 0.5, 5, 2);
        Tensor logStd = Param(rng, 0.3, 2);
        Tensor action = Param(rng, 1, 5, 2);
        action.RequiresGrad = false;
        CheckGradients(t => Surrogate(t, t.GaussianLogProb(mean, logStd, action), t.GaussianEntropy(logStd)), mean, logStd);
    }

    [Fact]
    public void SacActorLossGraph_ReparameterisedSquashedGaussian_GradientsMatchFiniteDifferences()
    {
        var rng = new RandomSource(12);
        const int n = 4, d = 2;
        Tensor output = Param(rng, 0.5, n, 2 * d);
        Tensor noise = Param(rng, 1, n, d);
        noise.RequiresGrad = false;
        Tensor critic = Param(rng, 1, d, 1);

        // As Sac.Train: log σ clamped, u = μ + σε, log π = log N(u; μ, σ) − log(1 − tanh²u), loss = mean(α log π − Q(tanh u)).
        Tensor Loss(Tape t)
        {
            Tensor mu = t.SliceColumns(output, 0, d);
            Tensor logStd = t.Clamp(t.SliceColumns(output, d, d), ActionSampling.LogStdMin, ActionSampling.LogStdMax);
            Tensor u = t.Add(mu, t.Mul(t.Exp(logStd), noise));
            Tensor logPi = t.Sub(t.GaussianLogProb(mu, logStd, u), t.TanhSquashCorrection(u));
            Tensor q = t.Reshape(t.MatMul(t.Tanh(u), critic), n);
            return t.Mean(t.Sub(t.Scale(logPi, 0.2f), q));
        }
        CheckGradients(Loss, output, critic);
    }

    [Fact]
    public void SacGsdeActorLossGraph_StateDependentNoise_GradientsMatchFiniteDifferences()
    {
        var rng = new RandomSource(13);
        const int n = 4, d = 2, l = 3;
        var sde = new StateDependentNoise(l, d, -0.5);
        for (int i = 0; i < sde.LogStd.Length; i++)
        {
            sde.LogStd[i] += (float)(0.3 * rng.NextNormal());
        }
        Tensor mean = Param(rng, 0.5, n, d);
        Tensor latent = Param(rng, 1, n, l);
        latent.RequiresGrad = false;
        Tensor eps = Param(rng, 1, l, d);
        eps.RequiresGrad = false;
        Tensor critic = Param(rng, 1, d, 1);

        // As Sac.Train with use_sde: u = μ + θ·(σ ∘ E), log π from Var(u) = θ²·σ², loss = mean(α log π − Q(tanh u)).
        Tensor Loss(Tape t)
        {
            (Tensor u, Tensor logPi) = sde.LogProbability(t, mean, latent, eps);
            Tensor q = t.Reshape(t.MatMul(t.Tanh(u), critic), n);
            return t.Mean(t.Sub(t.Scale(logPi, 0.2f), q));
        }
        CheckGradients(Loss, mean, sde.LogStd, critic);

        // As Ppo's update with use_sde: log π and entropy of N(μ, Var = θ²·σ²) at stored actions.
        Tensor action = Param(rng, 1, n, d);
        action.RequiresGrad = false;
        Tensor PpoLoss(Tape t)
        {
            Tensor logStd = sde.ActionLogStd(t, latent);
            Tensor ratio = t.Exp(t.GaussianLogProb(mean, logStd, action));
            return t.Sub(t.Neg(t.Mean(ratio)), t.Scale(t.Mean(t.GaussianEntropy(logStd)), 0.01f));
        }
        CheckGradients(PpoLoss, mean, sde.LogStd);
    }

    [Fact]
    public void StateDependentNoise_TapeFreeSample_MatchesTapeGraph()
    {
        var rng = new RandomSource(14);
        const int d = 2, l = 3;
        var sde = new StateDependentNoise(l, d, -1.0);
        var eps = new float[l * d];
        var matrix = new float[l * d];
        sde.Resample(rng, eps, matrix);
        float[] mean = [0.4f, -0.3f], latent = [0.5f, 0f, 1.5f];
        var action = new float[d];
        float lp = sde.Sample(mean, latent, matrix, action);

        var tape = new Tape();
        (Tensor u, Tensor logPi) = sde.LogProbability(tape, Tensor.FromArray(mean, 1, d), Tensor.FromArray(latent, 1, l), Tensor.FromArray(eps, l, d));
        Assert.Equal(logPi[0], lp, 3);
        for (int k = 0; k < d; k++)
        {
            Assert.Equal(MathF.Tanh(u[k]), action[k], 5);
        }

        // The noise follows the state: the same features under the same W give the same action.
        var again = new float[d];
        sde.Sample(mean, latent, matrix, again);
        Assert.Equal(action, again);
    }

    [Fact]
    public void ModelFile_Version1_IsRefusedWithRetrainMessage()
    {
        string dir = Path.Combine(Path.GetTempPath(), "zero-rl-test3-" + Environment.ProcessId);
        string path = Path.Combine(dir, "old.zrl");
        var agent = new Ppo("CartPole-v1", Presets.Ppo("CartPole-v1"), 1);
        agent.Save(path);
        byte[] bytes = File.ReadAllBytes(path);
        BitConverter.GetBytes(1).CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<ZeroException>(() => AgentFile.Load(path));
        Assert.Contains("version 1", e.Message);
        Assert.Contains("zero rl train", e.Message);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Networks_SaveRestore_NamesFollowTheEngineLayout()
    {
        var net = new Mlp([3, 4, 2], Activation.Tanh, new Random(1));
        var tensors = new List<(string, float[])>();
        Networks.Add(tensors, "q", net);
        Assert.Equal(["q.layers.0.weight", "q.layers.0.bias", "q.layers.1.weight", "q.layers.1.bias"], tensors.Select(t => t.Item1));
        var copy = new Mlp([3, 4, 2], Activation.Tanh, new Random(2));
        Networks.Restore(tensors.ToDictionary(t => t.Item1, t => t.Item2), "q", copy, "test");
        Assert.Equal(net.Layers[0].Weight.ToArray(), copy.Layers[0].Weight.ToArray());
        var wrong = new Mlp([3, 5, 2], Activation.Tanh, new Random(2));
        Assert.Throws<ZeroException>(() => Networks.Restore(tensors.ToDictionary(t => t.Item1, t => t.Item2), "q", wrong, "test"));
    }
}
