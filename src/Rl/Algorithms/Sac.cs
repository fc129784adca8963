using System.Globalization;
using System.Text.Json;
using Zero.Games;
using Zero.Rl.ClassicControl;
using Zero.Rl.Distributions;
using Zero.Rl.Networks;
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
/// </summary>
public sealed class Sac : IAgent
{
    private readonly SacConfig _config;
    private readonly Mlp _actor;
    private readonly Mlp _q1, _q2, _q1Target, _q2Target;
    private readonly Adam _actorOptimizer;
    private readonly Adam _criticOptimizer;
    private readonly Adam? _alphaOptimizer;
    private readonly float[] _logAlpha = new float[1];
    private readonly float[] _gradLogAlpha = new float[1];
    private readonly RandomSource _random;
    private readonly int _obsSize;
    private readonly int _act;
    private readonly float[] _low;
    private readonly float[] _high;
    private readonly float[] _actObs;
    private readonly float[] _actScratch;

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
        _actor = new Mlp([_obsSize, .. config.NetArch, 2 * _act], Activation.ReLU, _random);
        _q1 = new Mlp([_obsSize + _act, .. config.NetArch, 1], Activation.ReLU, _random);
        _q2 = new Mlp([_obsSize + _act, .. config.NetArch, 1], Activation.ReLU, _random);
        _q1Target = new Mlp([_obsSize + _act, .. config.NetArch, 1], Activation.ReLU, _random);
        _q2Target = new Mlp([_obsSize + _act, .. config.NetArch, 1], Activation.ReLU, _random);
        _q1Target.CopyFrom(_q1);
        _q2Target.CopyFrom(_q2);
        double lr = config.LearningRate.Value(1);
        _actorOptimizer = new Adam(_actor.Parameters, _actor.Gradients, lr);
        _criticOptimizer = new Adam([.. _q1.Parameters, .. _q2.Parameters], [.. _q1.Gradients, .. _q2.Gradients], lr);
        (bool auto, double initial) = ParseEntropyCoefficient(config.EntCoef);
        _logAlpha[0] = (float)Math.Log(initial);
        if (auto)
        {
            _alphaOptimizer = new Adam([_logAlpha], [_gradLogAlpha], lr);
        }
        TargetEntropy = -_act;
        _actObs = new float[_obsSize];
        _actScratch = new float[2 * _act];
    }

    /// <inheritdoc/>
    public string Algorithm => "sac";

    /// <inheritdoc/>
    public string EnvironmentId { get; }

    /// <summary>The seed the agent was created with.</summary>
    public int Seed { get; }

    /// <summary>The configuration.</summary>
    public SacConfig Config => _config;

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
        var scratch = new SacBatch(_config.BatchSize, _obsSize, _act);
        var obs = new float[_obsSize];
        var action = new float[_act];
        var noise = new float[_act];
        long start = time.GetTimestamp();

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
            else
            {
                SquashedGaussian.Sample(_actor.Forward(obs, 1), _random, noise, action);
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
    }

    /// <summary>One gradient step of critics, actor and entropy coefficient, then the Polyak target update.</summary>
    private void Train(ReplayBuffer buffer, SacBatch s)
    {
        int b = s.Size;
        buffer.Sample(b, _random, s.Obs, s.Actions, s.Rewards, s.NextObs, s.Terminated);
        float alpha = MathF.Exp(_logAlpha[0]);

        // 1. Target: y = r + γ(1 − terminated)·(min Q_target(s′, a′) − α log π(a′|s′)), a′ ~ π(·|s′).
        ReadOnlySpan<float> nextOut = _actor.Forward(s.NextObs, b);
        for (int j = 0; j < b; j++)
        {
            s.LogProbs[j] = SquashedGaussian.Sample(nextOut.Slice(j * 2 * _act, 2 * _act), _random, s.Noise.AsSpan(j * _act, _act), s.PiActions.AsSpan(j * _act, _act));
        }
        Concat(s.NextObs, s.PiActions, b, s.CriticInput);
        ReadOnlySpan<float> t1 = _q1Target.Forward(s.CriticInput, b);
        ReadOnlySpan<float> t2 = _q2Target.Forward(s.CriticInput, b);
        for (int j = 0; j < b; j++)
        {
            float next = Math.Min(t1[j], t2[j]) - (alpha * s.LogProbs[j]);
            s.Targets[j] = s.Rewards[j] + ((1 - s.Terminated[j]) * (float)_config.Gamma * next);
        }

        // 2. Critics: loss = ½ Σ_i mean((Q_i(s, a) − y)²).
        _criticOptimizer.ZeroGradients();
        Concat(s.Obs, s.Actions, b, s.CriticInput);
        CriticStep(_q1, s);
        CriticStep(_q2, s);
        _criticOptimizer.Step();

        // 3. Actor: loss = mean(α log π(ã|s) − min_i Q_i(s, ã)), ã = tanh(μ + σε) reparameterised.
        ReadOnlySpan<float> actorOut = _actor.Forward(s.Obs, b);
        actorOut.CopyTo(s.ActorOut);
        for (int j = 0; j < b; j++)
        {
            s.LogProbs[j] = SquashedGaussian.Sample(s.ActorOut.AsSpan(j * 2 * _act, 2 * _act), _random, s.Noise.AsSpan(j * _act, _act), s.PiActions.AsSpan(j * _act, _act));
        }
        Concat(s.Obs, s.PiActions, b, s.CriticInput);
        _q1.Forward(s.CriticInput, b).CopyTo(s.Q1Pi);
        ReadOnlySpan<float> q2pi = _q2.Forward(s.CriticInput, b);
        for (int j = 0; j < b; j++)
        {
            bool first = s.Q1Pi[j] <= q2pi[j];
            s.GradQ[j] = first ? -1f / b : 0f;
            s.GradQ2[j] = first ? 0f : -1f / b;
        }
        _q2.Backward(s.GradQ2, b, s.GradInput2);
        _q1.Backward(s.GradQ, b, s.GradInput);
        for (int j = 0; j < b; j++)
        {
            for (int k = 0; k < _act; k++)
            {
                int at = (j * (_obsSize + _act)) + _obsSize + k;
                s.GradAction[(j * _act) + k] = s.GradInput[at] + s.GradInput2[at];
            }
        }
        _actorOptimizer.ZeroGradients();
        float wLogProb = alpha / b;
        for (int j = 0; j < b; j++)
        {
            SquashedGaussian.Backward(s.ActorOut.AsSpan(j * 2 * _act, 2 * _act), s.Noise.AsSpan(j * _act, _act), s.PiActions.AsSpan(j * _act, _act),
                wLogProb, s.GradAction.AsSpan(j * _act, _act), s.GradActorOut.AsSpan(j * 2 * _act, 2 * _act));
        }
        _actor.Backward(s.GradActorOut, b);
        _actorOptimizer.Step();

        // 4. Entropy coefficient: loss = −log α · mean(log π + target entropy) (log π held fixed).
        if (_alphaOptimizer is not null)
        {
            double meanLogProb = 0;
            for (int j = 0; j < b; j++)
            {
                meanLogProb += s.LogProbs[j];
            }
            _gradLogAlpha[0] = (float)(-((meanLogProb / b) + TargetEntropy));
            _alphaOptimizer.Step();
        }

        // 5. Targets follow the critics: θ′ ← (1 − τ)θ′ + τθ.
        _q1Target.SoftUpdateFrom(_q1, (float)_config.Tau);
        _q2Target.SoftUpdateFrom(_q2, (float)_config.Tau);
    }

    private static void CriticStep(Mlp q, SacBatch s)
    {
        int b = s.Size;
        ReadOnlySpan<float> qv = q.Forward(s.CriticInput, b);
        for (int j = 0; j < b; j++)
        {
            s.GradQ[j] = (qv[j] - s.Targets[j]) / b;
        }
        q.Backward(s.GradQ, b);
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
        ReadOnlySpan<float> output = _actor.Forward(_actObs, 1);
        Span<float> unit = _actScratch.AsSpan(0, _act);
        if (deterministic)
        {
            SquashedGaussian.Mode(output, unit);
        }
        else
        {
            SquashedGaussian.Sample(output, _random, _actScratch.AsSpan(_act, _act), unit);
        }
        RescaleAction.Map(unit, _low, _high, clip: true, action);
    }

    /// <inheritdoc/>
    public void Save(string path)
    {
        var tensors = new List<(string, float[])>();
        Ppo.AddNetwork(tensors, "actor", _actor);
        Ppo.AddNetwork(tensors, "q1", _q1);
        Ppo.AddNetwork(tensors, "q2", _q2);
        tensors.Add(("log_alpha", _logAlpha));
        var header = new ModelHeader(Algorithm, EnvironmentId, JsonSerializer.SerializeToElement(_config, ModelFile.Json), null,
            new Dictionary<string, int[]> { ["actor"] = [.. _actor.Sizes], ["q1"] = [.. _q1.Sizes], ["q2"] = [.. _q2.Sizes] }, StepsTrained);
        ModelFile.Save(path, header, tensors);
    }

    /// <summary>Restores an agent saved with <see cref="Save"/>.</summary>
    public static Sac Load(string path, ModelHeader header, Dictionary<string, float[]> tensors)
    {
        SacConfig config = header.Config.Deserialize<SacConfig>(ModelFile.Json) ?? throw new ZeroException($"'{path}' has no SAC config.");
        var agent = new Sac(header.Environment, config, 0) { StepsTrained = header.StepsTrained };
        Ppo.RestoreNetwork(tensors, "actor", agent._actor, path);
        Ppo.RestoreNetwork(tensors, "q1", agent._q1, path);
        Ppo.RestoreNetwork(tensors, "q2", agent._q2, path);
        ModelFile.Restore(tensors, "log_alpha", agent._logAlpha, path);
        agent._q1Target.CopyFrom(agent._q1);
        agent._q2Target.CopyFrom(agent._q2);
        return agent;
    }
}
