using System.Text.Json;
using Zero.Engine.Autograd;
using Zero.Engine.Ops;
using Zero.Engine.Optim;
using Zero.Engine.Tensors;
using Zero.Rl.ClassicControl;
using Zero.Rl.Training;
using Zero.Rl.Vector;
using Zero.Rl.Wrappers;

namespace Zero.Rl.Algorithms;

/// <summary>
/// Advantage Actor-Critic (Mnih et al. 2016, the synchronous A3C) as SB3's A2C: <see cref="Learn"/> reads (1) collect
/// n_steps of every environment (<see cref="OnPolicyRollout"/>), (2) n-step returns or GAE(λ), (3) one gradient step on
/// the whole rollout: loss = −mean(A·log π) − c_ent·mean(H) + c_vf·mean((R − V)²), global gradient clipping, RMSprop
/// (α 0.99, ε 1e-5; SB3's default) or Adam. Policy, value and gSDE come from <see cref="ActorCriticPolicy"/>.
/// </summary>
public sealed class A2c : IAgent
{
    private readonly A2cConfig _config;
    private readonly ActorCriticPolicy _net;
    private readonly Optimizer _optimizer;
    private readonly RandomSource _random;
    private readonly Tape _tape = new();
    private readonly float[] _actObs;
    private NormalizationState? _normalization;

    /// <summary>Creates an untrained agent for <paramref name="environment"/>; <paramref name="seed"/> fixes initialisation and exploration.</summary>
    public A2c(string environment, A2cConfig config, int seed)
    {
        var entry = ClassicControlCatalog.Find(environment);
        EnvironmentId = entry.Id;
        _config = config;
        _random = new RandomSource(seed);
        Seed = seed;
        _net = new ActorCriticPolicy(entry.Create(), config.NetArch, config.ActivationFn, config.OrthoInit, config.LogStdInit, config.UseSde, withValue: true, _random, "A2C");
        IReadOnlyList<Tensor> parameters = [.. _net.PolicyParameters, .. _net.ValueParameters];
        float lr = (float)config.LearningRate.Value(1);
        _optimizer = config.UseRmsProp ? new RmsProp(parameters, lr, alpha: 0.99f, eps: (float)config.RmsPropEps) : new Adam(parameters, lr, eps: 1e-5f);
        _actObs = new float[_net.ObsSize];
    }

    /// <inheritdoc/>
    public string Algorithm => "a2c";

    /// <inheritdoc/>
    public string EnvironmentId { get; }

    /// <inheritdoc/>
    public int Seed { get; }

    /// <summary>The configuration.</summary>
    public A2cConfig Config => _config;

    /// <inheritdoc/>
    IAgentConfig IAgent.Config => _config;

    /// <summary>The policy and value networks (tests build rollouts and gradient checks on them).</summary>
    internal ActorCriticPolicy Policy => _net;

    /// <inheritdoc/>
    public long StepsTrained { get; private set; }

    /// <inheritdoc/>
    public (long Step, double Mean, int Seed)? KeptEvaluation { get; private set; }

    /// <inheritdoc/>
    public void Learn(long totalSteps, Action<TrainingProgress>? progress = null, TimeProvider? time = null, CancellationToken cancel = default)
    {
        time ??= TimeProvider.System;
        var venv = new VectorEnvironment(() => ClassicControlCatalog.Make(EnvironmentId), _config.NEnvs);
        VecNormalize? norm = _config.Normalize ? new VecNormalize(venv, gamma: _config.Gamma) : null;
        IVectorEnvironment env = norm ?? (IVectorEnvironment)venv;
        env.Reset(Seed);
        var rollout = new OnPolicyRollout(_net, env, _config.NSteps, _config.SdeSampleFreq, _random);
        int batch = rollout.Size;
        long start = time.GetTimestamp();
        long updates = (totalSteps + batch - 1) / batch;
        BestWeights? best = _config.EvalFreq > 0 ? new BestWeights(this, _optimizer.Parameters, _config.EvalEpisodes) : null;

        for (long update = 0; update < updates; update++)
        {
            cancel.ThrowIfCancellationRequested();

            // 1-2. Rollout, then n-step / GAE advantages.
            rollout.Collect(_config.Gamma);
            StepsTrained += batch;
            rollout.ComputeAdvantages(_config.Gamma, _config.GaeLambda);
            _optimizer.LearningRate = (float)_config.LearningRate.Value(Math.Max(0, 1 - ((double)StepsTrained / totalSteps)));

            // 3. One gradient step on the whole rollout.
            _tape.Reset();
            Tensor loss = Loss(_tape, rollout);
            _optimizer.ZeroGrad();
            _tape.Backward(loss);
            GradientClipping.ClipGlobalNorm(_optimizer.Parameters, (float)_config.MaxGradNorm);
            _optimizer.Step();

            if (best is not null && StepsTrained / _config.EvalFreq > (StepsTrained - batch) / _config.EvalFreq)
            {
                _normalization = norm?.Save();
                best.Evaluate(StepsTrained, _normalization);
            }
            double seconds = time.GetElapsedTime(start).TotalSeconds;
            progress?.Invoke(new TrainingProgress(StepsTrained, totalSteps, seconds, StepsTrained / Math.Max(seconds, 1e-9), env.Statistics.EpisodeCount, env.Statistics.RecentMeanReturn));
        }
        _normalization = norm?.Save();
        if (best is not null && StepsTrained > 0)
        {
            KeptEvaluation = best.Finish(StepsTrained, _normalization);
            _normalization = best.KeptNormalization;
        }
    }

    /// <summary>
    /// A2C's loss on a collected rollout: −mean(A·log π(a|s)) − c_ent·mean(H) + c_vf·mean((R − V(s))²), advantages
    /// normalised when normalize_advantage. Internal so the gradient check can build it.
    /// </summary>
    internal Tensor Loss(Tape tape, OnPolicyRollout rollout)
    {
        int m = rollout.Size;
        Tensor x = tape.Alloc([m, _net.ObsSize]);
        rollout.Obs.AsSpan(0, m * _net.ObsSize).CopyTo(x.Span);
        Tensor adv = tape.Alloc([m]);
        rollout.Advantages.AsSpan(0, m).CopyTo(adv.Span);
        if (_config.NormalizeAdvantage && m > 1)
        {
            Normalize(adv.Span);
        }
        Tensor ret = tape.Alloc([m, 1]);
        rollout.Returns.AsSpan(0, m).CopyTo(ret.Span);
        Tensor? act = null;
        if (!_net.Discrete)
        {
            act = tape.Alloc([m, _net.ActSize]);
            rollout.Actions.AsSpan(0, m * _net.ActSize).CopyTo(act.Span);
        }

        (Tensor head, Tensor logStd) = _net.Forward(tape, x);
        Tensor logp = _net.LogProb(tape, head, logStd, rollout.DiscreteActions, act);
        Tensor loss = tape.Neg(tape.Mean(tape.Mul(logp, adv)));
        if (_config.EntCoef != 0)
        {
            loss = tape.Sub(loss, tape.Scale(tape.Mean(_net.Entropy(tape, head, logStd)), (float)_config.EntCoef));
        }
        Tensor v = _net.Value!.Forward(tape, x);
        return tape.Add(loss, tape.Scale(tape.Mse(v, ret), (float)_config.VfCoef));
    }

    /// <summary>(a − mean)/(std + 1e-8) in place, std with Bessel's correction (PyTorch's default).</summary>
    internal static void Normalize(Span<float> a)
    {
        double mean = 0, sq = 0;
        foreach (float v in a)
        {
            mean += v;
        }
        mean /= a.Length;
        foreach (float v in a)
        {
            sq += (v - mean) * (v - mean);
        }
        double std = Math.Sqrt(sq / (a.Length - 1));
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = (float)((a[i] - mean) / (std + 1e-8));
        }
    }

    /// <inheritdoc/>
    public void Act(ReadOnlySpan<float> observation, Span<float> action, bool deterministic)
    {
        observation.CopyTo(_actObs);
        _normalization?.NormalizeObservation(_actObs);
        _net.Act(_actObs, action, deterministic);
    }

    /// <inheritdoc/>
    public void Save(string path) => _net.SaveModel(path, Algorithm, EnvironmentId, _config, _normalization, StepsTrained);

    /// <summary>Restores an agent saved with <see cref="Save"/>.</summary>
    public static A2c Load(string path, ModelHeader header, Dictionary<string, float[]> tensors)
    {
        A2cConfig config = header.Config.Deserialize<A2cConfig>(ModelFile.Json) ?? throw new ZeroException($"'{path}' has no A2C config.");
        var agent = new A2c(header.Environment, config, 0) { StepsTrained = header.StepsTrained };
        agent._net.Restore(tensors, path);
        agent._normalization = header.Normalization;
        return agent;
    }
}
