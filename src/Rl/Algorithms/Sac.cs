using System.Globalization;
using System.Text.Json;
using Zero.Engine.Autograd;
using Zero.Engine.Models;
using Zero.Engine.Ops;
using Zero.Engine.Optim;
using Zero.Engine.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using Zero.Rl.ClassicControl;
using Zero.Rl.Spaces;
using Zero.Rl.Training;
using Zero.Rl.Vector;
using Zero.Rl.Wrappers;

namespace Zero.Rl.Algorithms;

/// <summary>
/// Soft Actor-Critic (Haarnoja et al. 2018, v2) as SB3's SAC: twin Q critics with Polyak-averaged targets, a
/// tanh-squashed Gaussian actor with the log-prob correction, and automatic entropy tuning towards −|A|. The agent
/// acts in [−1, 1]ⁿ and <see cref="RescaleAction"/> maps onto the environment's bounds. <see cref="Train"/> reads
/// top to bottom: target, critic update, actor update through min(Q1, Q2), entropy coefficient, target update.
/// Networks are Zero.Engine <see cref="Mlp"/>s; targets and acting use the tape-free <c>Predict</c>, the critic and actor
/// losses run on two reused <see cref="Tape"/>s, one each, so every arena slot keeps its shape from step to step (the
/// actor's reparameterised sample is built from tape ops, so its gradient comes from autograd), and the Polyak update
/// walks parameter lists taken once: no allocation per step.
/// With <see cref="SacConfig.UseSde"/> the actor is SB3's gSDE actor instead: θ = relu(MLP(s)) [net_arch[^1]], μ =
/// hardtanh₂(Linear(θ)) (SB3's clip_mean 2), and the noise θ·W of <see cref="StateDependentNoise"/> with W redrawn at
/// the start of each rollout (and every sde_sample_freq steps when positive) and at each gradient step.
/// With eval_freq, training ends on the best-evaluated weights (<see cref="BestWeights"/>, SB3's EvalCallback).
/// </summary>
public sealed class Sac : IAgent
{
    /// <summary>SB3's clip_mean for the gSDE actor: μ passes through hardtanh(−2, 2) before the noise.</summary>
    private const float ClipMean = 2f;

    private readonly SacConfig _config;
    private readonly Mlp _actor;
    private readonly Mlp? _mu;
    private readonly StateDependentNoise? _sde;
    private readonly float[] _rolloutEps = [], _rolloutMatrix = [], _trainMatrix = [], _actLatent = [];
    private readonly Tensor? _trainEps;
    private readonly Mlp _q1, _q2, _q1Target, _q2Target;
    private readonly IReadOnlyList<Tensor> _q1Parameters, _q2Parameters, _q1TargetParameters, _q2TargetParameters;
    private readonly Adam _actorOptimizer;
    private readonly Adam _criticOptimizer;
    private readonly Adam? _alphaOptimizer;
    private readonly Tensor _logAlpha = new(1) { RequiresGrad = true };
    private readonly RandomSource _random;
    private readonly Tape _criticTape = new();
    private readonly Tape _actorTape = new();
    private readonly Tensor[] _concat = new Tensor[2];
    private readonly int _obsSize;
    private readonly int _act;
    private readonly float[] _low;
    private readonly float[] _high;
    private readonly float[] _actObs;
    private readonly float[] _actOut;
    private readonly float[] _actUnit;

    /// <summary>Creates an untrained agent. Throws <see cref="ZeroException"/> for an environment without bounded Box actions.</summary>
    public Sac(string environment, SacConfig config, int seed)
    {
        var entry = ClassicControlCatalog.Find(environment);
        EnvironmentId = entry.Id;
        var probe = entry.Create();
        if (probe.ActionSpace is not BoxSpace box || !box.IsBounded)
        {
            throw new ZeroException($"SAC needs bounded continuous (Box) actions; {entry.Id} has {probe.ActionSpace}. Use dqn or ppo for discrete actions.");
        }
        _config = config;
        _random = new RandomSource(seed);
        Seed = seed;
        _obsSize = probe.ObservationSpace.FlatSize;
        _act = box.FlatSize;
        _low = box.Low.ToArray();
        _high = box.High.ToArray();
        if (config.UseSde)
        {
            if (config.NetArch.Length == 0)
            {
                throw new ZeroException("use_sde needs at least one hidden layer (its features drive the noise): set net_arch, e.g. [64, 64].");
            }
            int latent = config.NetArch[^1];
            _actor = Networks.Create([_obsSize, .. config.NetArch], Activation.Relu, _random);
            _mu = Networks.Create([latent, _act], Activation.Relu, _random);
            _sde = new StateDependentNoise(latent, _act, config.LogStdInit);
            _rolloutEps = new float[latent * _act];
            _rolloutMatrix = new float[latent * _act];
            _trainMatrix = new float[latent * _act];
            _trainEps = new Tensor(latent, _act);
            _actLatent = new float[latent];
        }
        else
        {
            _actor = Networks.Create([_obsSize, .. config.NetArch, 2 * _act], Activation.Relu, _random);
        }
        _q1 = Networks.Create([_obsSize + _act, .. config.NetArch, 1], Activation.Relu, _random);
        _q2 = Networks.Create([_obsSize + _act, .. config.NetArch, 1], Activation.Relu, _random);
        _q1Target = Networks.Create([_obsSize + _act, .. config.NetArch, 1], Activation.Relu, _random);
        _q2Target = Networks.Create([_obsSize + _act, .. config.NetArch, 1], Activation.Relu, _random);
        _q1Parameters = _q1.Parameters();
        _q2Parameters = _q2.Parameters();
        _q1TargetParameters = _q1Target.Parameters();
        _q2TargetParameters = _q2Target.Parameters();
        Polyak.Update(_q1TargetParameters, _q1Parameters, 1f);
        Polyak.Update(_q2TargetParameters, _q2Parameters, 1f);
        float lr = (float)config.LearningRate.Value(1);
        _actorOptimizer = new Adam(_sde is null ? _actor.Parameters() : [.. _actor.Parameters(), .. _mu!.Parameters(), _sde.LogStd], lr);
        _criticOptimizer = new Adam([.. _q1Parameters, .. _q2Parameters], lr);
        (bool auto, double initial) = ParseEntropyCoefficient(config.EntCoef);
        _logAlpha[0] = (float)Math.Log(initial);
        if (auto)
        {
            _alphaOptimizer = new Adam([_logAlpha], lr);
        }
        TargetEntropy = -_act;
        _actObs = new float[_obsSize];
        _actOut = new float[2 * _act];
        _actUnit = new float[_act];
        _sde?.Resample(_random, _rolloutEps, _rolloutMatrix);
    }

    /// <inheritdoc/>
    public string Algorithm => "sac";

    /// <inheritdoc/>
    public string EnvironmentId { get; }

    /// <summary>The seed the agent was created with.</summary>
    public int Seed { get; }

    /// <summary>The configuration.</summary>
    public SacConfig Config => _config;

    /// <inheritdoc/>
    IAgentConfig IAgent.Config => _config;

    /// <inheritdoc/>
    public (long Step, double Mean, int Seed)? KeptEvaluation { get; private set; }

    /// <summary>Environment steps trained so far.</summary>
    public long StepsTrained { get; private set; }

    /// <summary>Target entropy −|A|.</summary>
    public double TargetEntropy { get; }

    /// <summary>Current entropy coefficient α.</summary>
    public double Alpha => Math.Exp(_logAlpha[0]);

    private static (bool Auto, double Initial) ParseEntropyCoefficient(string text)
    {
        if (text == "auto")
        {
            return (true, 1.0);
        }
        if (text.StartsWith("auto_", StringComparison.Ordinal) && double.TryParse(text[5..], NumberStyles.Float, CultureInfo.InvariantCulture, out double a0) && a0 > 0)
        {
            return (true, a0);
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double fixedValue) && fixedValue > 0)
        {
            return (false, fixedValue);
        }
        throw new ZeroException($"ent_coef '{text}' is not valid: use \"auto\", \"auto_0.1\" (learned, starting at 0.1) or a positive number such as \"0.1\".");
    }

    /// <summary>Trains for <paramref name="totalSteps"/> environment steps, reporting every 1000 steps.</summary>
    public void Learn(long totalSteps, Action<TrainingProgress>? progress = null, TimeProvider? time = null, CancellationToken cancel = default)
    {
        time ??= TimeProvider.System;
        var env = new VectorEnvironment(() => new RescaleAction(ClassicControlCatalog.Make(EnvironmentId)), 1);
        env.Reset(Seed);
        var buffer = new ReplayBuffer(Math.Min(_config.BufferSize, (int)Math.Min(int.MaxValue, totalSteps)), _obsSize, _act);
        var scratch = new SacBatch(_config.BatchSize, _obsSize, _act, _sde?.Latent ?? 0);
        var obs = new float[_obsSize];
        var action = new float[_act];
        long start = time.GetTimestamp();
        BestWeights? best = _config.EvalFreq > 0 ? new BestWeights(this, TrainedParameters(), _config.EvalEpisodes) : null;

        for (long step = 0; step < totalSteps; step++)
        {
            // 1. Act: uniform in [−1, 1] before learning starts, then a sample of the squashed Gaussian.
            env.Observations.CopyTo(obs);
            if (StepsTrained < _config.LearningStarts)
            {
                for (int j = 0; j < _act; j++)
                {
                    action[j] = (float)_random.Uniform(-1, 1);
                }
            }
            else if (_sde is not null)
            {
                // gSDE: a new W at the start of each rollout (SB3's collect_rollouts) and every sde_sample_freq steps.
                long inRollout = StepsTrained % _config.TrainFreq;
                if (inRollout == 0 || StepsTrained == _config.LearningStarts || (_config.SdeSampleFreq > 0 && inRollout % _config.SdeSampleFreq == 0))
                {
                    _sde.Resample(_random, _rolloutEps, _rolloutMatrix);
                }
                SdeHeads(obs, 1, _actLatent, _actOut.AsSpan(0, _act));
                _sde.Sample(_actOut.AsSpan(0, _act), _actLatent, _rolloutMatrix, action);
            }
            else
            {
                _actor.Predict(obs, _actOut);
                ActionSampling.SquashedGaussian(_actOut, _random, action);
            }

            // 2. Step and store (real final observation; only termination stops bootstrapping).
            env.Step(action);
            bool done = env.Terminated[0] || env.Truncated[0];
            buffer.Add(obs, action, env.Rewards[0], done ? env.FinalObservations : env.Observations, env.Terminated[0]);
            StepsTrained++;

            // 3. Train.
            if (StepsTrained % _config.TrainFreq == 0 && StepsTrained > _config.LearningStarts)
            {
                for (int g = 0; g < _config.GradientSteps; g++)
                {
                    Train(buffer, scratch);
                }
            }

            // 4. Periodic deterministic evaluation (eval_freq > 0, after learning starts): remember the best weights.
            if (best is not null && StepsTrained % _config.EvalFreq == 0 && StepsTrained > _config.LearningStarts)
            {
                best.Evaluate(StepsTrained);
            }
            if (progress is not null && (StepsTrained % 1000 == 0 || step == totalSteps - 1))
            {
                double seconds = time.GetElapsedTime(start).TotalSeconds;
                progress(new TrainingProgress(StepsTrained, totalSteps, seconds, StepsTrained / Math.Max(seconds, 1e-9), env.Statistics.EpisodeCount, env.Statistics.RecentMeanReturn));
            }
            if (StepsTrained % 1000 == 0)
            {
                cancel.ThrowIfCancellationRequested();
            }
        }

        // 5. With evaluations, end on the best-scoring weights (the final ones are evaluated if the last step was not);
        //    the target critics restart from the kept critics, as after Load.
        if (best is not null && StepsTrained > _config.LearningStarts)
        {
            KeptEvaluation = best.Finish(StepsTrained);
            Polyak.Update(_q1TargetParameters, _q1Parameters, 1f);
            Polyak.Update(_q2TargetParameters, _q2Parameters, 1f);
        }
    }

    /// <summary>Every tensor training changes and <see cref="Save"/> writes: actor (gSDE: μ head and log σ), critics, log α.</summary>
    private List<Tensor> TrainedParameters()
    {
        List<Tensor> all = [.. _actor.Parameters()];
        if (_sde is not null)
        {
            all.AddRange(_mu!.Parameters());
            all.Add(_sde.LogStd);
        }
        all.AddRange(_q1Parameters);
        all.AddRange(_q2Parameters);
        all.Add(_logAlpha);
        return all;
    }

    /// <summary>One gradient step of critics, actor and entropy coefficient, then the Polyak target update.</summary>
    private void Train(ReplayBuffer buffer, SacBatch s)
    {
        int b = s.Size;
        buffer.Sample(b, _random, s.Obs, s.Actions, s.Rewards, s.NextObs, s.Terminated);
        float alpha = MathF.Exp(_logAlpha[0]);

        // 1. Target (no tape): y = r + γ(1 − terminated)·(min Q_target(s′, a′) − α log π(a′|s′)), a′ ~ π(·|s′).
        //    Targets holds log π(a′|s′) until the second loop turns it into y. gSDE draws this step's W first (SB3
        //    resets the noise before each gradient step, as log σ moved); the target and the actor loss share it.
        if (_sde is not null)
        {
            _sde.Resample(_random, _trainEps!.Span, _trainMatrix);
            SdeHeads(s.NextObs, b, s.Latent, s.Mean);
            int l = _sde.Latent;
            for (int j = 0; j < b; j++)
            {
                s.Targets[j] = _sde.Sample(s.Mean.AsSpan(j * _act, _act), s.Latent.AsSpan(j * l, l), _trainMatrix, s.PiActions.AsSpan(j * _act, _act));
            }
        }
        else
        {
            _actor.Predict(s.NextObs, b, s.ActorOut);
            for (int j = 0; j < b; j++)
            {
                s.Targets[j] = ActionSampling.SquashedGaussian(s.ActorOut.AsSpan(j * 2 * _act, 2 * _act), _random, s.PiActions.AsSpan(j * _act, _act));
            }
        }
        Concat(s.NextObs, s.PiActions, b, s.CriticInput);
        _q1Target.Predict(s.CriticInput, b, s.Q1);
        _q2Target.Predict(s.CriticInput, b, s.Q2);
        for (int j = 0; j < b; j++)
        {
            float next = Math.Min(s.Q1[j], s.Q2[j]) - (alpha * s.Targets[j]);
            s.Targets[j] = s.Rewards[j] + ((1 - s.Terminated[j]) * (float)_config.Gamma * next);
        }

        // 2. Critics: loss = ½ Σ_i mean((Q_i(s, a) − y)²).
        _criticTape.Reset();
        Concat(s.Obs, s.Actions, b, s.CriticInput);
        Tensor sa = _criticTape.Alloc([b, _obsSize + _act]);
        s.CriticInput.AsSpan(0, b * (_obsSize + _act)).CopyTo(sa.Span);
        Tensor y = _criticTape.Alloc([b, 1]);
        s.Targets.AsSpan(0, b).CopyTo(y.Span);
        Tensor criticLoss = _criticTape.Scale(_criticTape.Add(_criticTape.Mse(_q1.Forward(_criticTape, sa), y), _criticTape.Mse(_q2.Forward(_criticTape, sa), y)), 0.5f);
        _criticOptimizer.ZeroGrad();
        _criticTape.Backward(criticLoss);
        _criticOptimizer.Step();

        // 3. Actor: loss = mean(α log π(ã|s) − min_i Q_i(s, ã)), ã = tanh(μ + σε) reparameterised (ε fixed).
        //    log π(ã|s) = log N(u; μ, σ) − log(1 − tanh²u). The critics are frozen for this pass (no weight gradients:
        //    the backward pass only carries dQ/dã through them).
        SetRequiresGrad(_q1Parameters, false);
        SetRequiresGrad(_q2Parameters, false);
        _actorTape.Reset();
        Tensor obs = _actorTape.Alloc([b, _obsSize]);
        s.Obs.AsSpan(0, b * _obsSize).CopyTo(obs.Span);
        Tensor u, logPi;
        if (_sde is not null)
        {
            // gSDE: u = μ + θ·W with this step's W, log π from Var(u) = θ²·σ² (StateDependentNoise).
            Tensor latent = _actorTape.Relu(_actor.Forward(_actorTape, obs));
            Tensor mean = _actorTape.Clamp(_mu!.Forward(_actorTape, latent), -ClipMean, ClipMean);
            (u, logPi) = _sde.LogProbability(_actorTape, mean, latent, _trainEps!);
        }
        else
        {
            Tensor noise = _actorTape.Alloc([b, _act]);
            Span<float> ns = noise.Span;
            for (int i = 0; i < ns.Length; i++)
            {
                ns[i] = (float)_random.NextNormal();
            }
            Tensor output = _actor.Forward(_actorTape, obs);
            Tensor mean = _actorTape.SliceColumns(output, 0, _act);
            Tensor logStd = _actorTape.Clamp(_actorTape.SliceColumns(output, _act, _act), ActionSampling.LogStdMin, ActionSampling.LogStdMax);
            u = _actorTape.Add(mean, _actorTape.Mul(_actorTape.Exp(logStd), noise));
            logPi = _actorTape.Sub(_actorTape.GaussianLogProb(mean, logStd, u), _actorTape.TanhSquashCorrection(u));
        }
        _concat[0] = obs;
        _concat[1] = _actorTape.Tanh(u);
        Tensor piInput = _actorTape.Concat(_concat, 1);
        Tensor minQ = _actorTape.Reshape(_actorTape.Minimum(_q1.Forward(_actorTape, piInput), _q2.Forward(_actorTape, piInput)), b);
        Tensor actorLoss = _actorTape.Mean(_actorTape.Sub(_actorTape.Scale(logPi, alpha), minQ));
        _actorOptimizer.ZeroGrad();
        _actorTape.Backward(actorLoss);
        _actorOptimizer.Step();
        SetRequiresGrad(_q1Parameters, true);
        SetRequiresGrad(_q2Parameters, true);

        // 4. Entropy coefficient: loss = −log α · mean(log π + target entropy) (log π held fixed).
        if (_alphaOptimizer is not null)
        {
            double meanLogProb = 0;
            ReadOnlySpan<float> lp = logPi.Span;
            for (int j = 0; j < b; j++)
            {
                meanLogProb += lp[j];
            }
            _logAlpha.Grad[0] = (float)(-((meanLogProb / b) + TargetEntropy));
            _alphaOptimizer.Step();
        }

        // 5. Targets follow the critics: θ′ ← (1 − τ)θ′ + τθ.
        Polyak.Update(_q1TargetParameters, _q1Parameters, (float)_config.Tau);
        Polyak.Update(_q2TargetParameters, _q2Parameters, (float)_config.Tau);
    }

    /// <summary>gSDE heads without a tape: θ = relu(last hidden layer) [b, L] and μ = clamp(Linear(θ), ±2) [b, A].</summary>
    private void SdeHeads(ReadOnlySpan<float> obs, int b, Span<float> latent, Span<float> mean)
    {
        _actor.Predict(obs, b, latent);
        TensorPrimitives.Max(latent, 0f, latent);
        _mu!.Predict(latent, b, mean);
        TensorPrimitives.Clamp(mean, -ClipMean, ClipMean, mean);
    }

    private static void SetRequiresGrad(IReadOnlyList<Tensor> parameters, bool value)
    {
        for (int i = 0; i < parameters.Count; i++)
        {
            parameters[i].RequiresGrad = value;
        }
    }

    private void Concat(ReadOnlySpan<float> obs, ReadOnlySpan<float> actions, int b, Span<float> destination)
    {
        int w = _obsSize + _act;
        for (int j = 0; j < b; j++)
        {
            obs.Slice(j * _obsSize, _obsSize).CopyTo(destination.Slice(j * w, _obsSize));
            actions.Slice(j * _act, _act).CopyTo(destination.Slice((j * w) + _obsSize, _act));
        }
    }

    /// <inheritdoc/>
    public void Act(ReadOnlySpan<float> observation, Span<float> action, bool deterministic)
    {
        observation.CopyTo(_actObs);
        if (_sde is not null)
        {
            SdeHeads(_actObs, 1, _actLatent, _actOut.AsSpan(0, _act));
            if (deterministic)
            {
                ActionSampling.SquashedMode(_actOut.AsSpan(0, _act), _actUnit);
            }
            else
            {
                _sde.Sample(_actOut.AsSpan(0, _act), _actLatent, _rolloutMatrix, _actUnit);
            }
            RescaleAction.Map(_actUnit, _low, _high, clip: true, action);
            return;
        }
        _actor.Predict(_actObs, _actOut);
        if (deterministic)
        {
            ActionSampling.SquashedMode(_actOut, _actUnit);
        }
        else
        {
            ActionSampling.SquashedGaussian(_actOut, _random, _actUnit);
        }
        RescaleAction.Map(_actUnit, _low, _high, clip: true, action);
    }

    /// <inheritdoc/>
    public void Save(string path)
    {
        var tensors = new List<(string, float[])>();
        Networks.Add(tensors, "actor", _actor);
        Networks.Add(tensors, "q1", _q1);
        Networks.Add(tensors, "q2", _q2);
        tensors.Add(("log_alpha", _logAlpha.ToArray()));
        var sizes = new Dictionary<string, int[]> { ["actor"] = [.. _actor.Sizes], ["q1"] = [.. _q1.Sizes], ["q2"] = [.. _q2.Sizes] };
        if (_sde is not null)
        {
            Networks.Add(tensors, "mu", _mu!);
            tensors.Add(("log_std", _sde.LogStd.ToArray()));
            sizes["mu"] = [.. _mu!.Sizes];
        }
        var header = new ModelHeader(Algorithm, EnvironmentId, JsonSerializer.SerializeToElement(_config, ModelFile.Json), null, sizes, StepsTrained);
        ModelFile.Save(path, header, tensors);
    }

    /// <summary>Restores an agent saved with <see cref="Save"/>.</summary>
    public static Sac Load(string path, ModelHeader header, Dictionary<string, float[]> tensors)
    {
        SacConfig config = header.Config.Deserialize<SacConfig>(ModelFile.Json) ?? throw new ZeroException($"'{path}' has no SAC config.");
        var agent = new Sac(header.Environment, config, 0) { StepsTrained = header.StepsTrained };
        Networks.Restore(tensors, "actor", agent._actor, path);
        Networks.Restore(tensors, "q1", agent._q1, path);
        Networks.Restore(tensors, "q2", agent._q2, path);
        Networks.Restore(tensors, "log_alpha", agent._logAlpha, path);
        if (agent._sde is not null)
        {
            Networks.Restore(tensors, "mu", agent._mu!, path);
            Networks.Restore(tensors, "log_std", agent._sde.LogStd, path);
        }
        Polyak.Update(agent._q1TargetParameters, agent._q1Parameters, 1f);
        Polyak.Update(agent._q2TargetParameters, agent._q2Parameters, 1f);
        return agent;
    }
}
