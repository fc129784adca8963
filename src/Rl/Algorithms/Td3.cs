using System.Text.Json;
using Zero.Engine.Autograd;
using Zero.Engine.Models;
using Zero.Engine.Ops;
using Zero.Engine.Optim;
using Zero.Engine.Tensors;
using Zero.Rl.ClassicControl;
using Zero.Rl.Spaces;
using Zero.Rl.Training;
using Zero.Rl.Vector;
using Zero.Rl.Wrappers;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace Zero.Rl.Algorithms;

/// <summary>
/// TD3 (Fujimoto et al. 2018) and DDPG (Lillicrap et al. 2016) as SB3's: a deterministic actor a = tanh(MLP(s)) in
/// [−1, 1]ⁿ (<see cref="RescaleAction"/> maps onto the environment's bounds) explored with <see cref="ActionNoise"/>,
/// critics Q_i(s, a) with Polyak-averaged targets, and <see cref="Train"/> reading top to bottom: smoothed target action,
/// clipped double-Q target, critic regression, and every policy_delay updates the actor step through Q₁ and the target
/// updates. DDPG is the same loop with one critic, policy delay 1 and no target smoothing (<see cref="DdpgConfig.AsTd3"/>).
/// Acting and targets run tape-free (<c>Predict</c>); the losses use two reused tapes; no allocation per step.
/// </summary>
public sealed class Td3 : IAgent
{
    private readonly Td3Config _config;
    private readonly IAgentConfig _savedConfig;
    private readonly Mlp _actor, _actorTarget;
    private readonly Mlp[] _critics, _criticTargets;
    private readonly IReadOnlyList<Tensor> _actorParameters, _actorTargetParameters;
    private readonly IReadOnlyList<Tensor>[] _criticParameters, _criticTargetParameters;
    private readonly Adam _actorOptimizer, _criticOptimizer;
    private readonly RandomSource _random;
    private readonly Tape _criticTape = new(), _actorTape = new();
    private readonly Tensor[] _concat = new Tensor[2];
    private readonly int _obsSize, _act;
    private readonly float[] _low, _high, _actObs, _actUnit;
    private long _updates;

    /// <summary>Creates an untrained TD3 agent. Throws <see cref="ZeroException"/> for an environment without bounded Box actions.</summary>
    public Td3(string environment, Td3Config config, int seed)
        : this(environment, config, seed, "td3", config)
    {
    }

    /// <summary>Creates an untrained DDPG agent (TD3's loop with <see cref="DdpgConfig.AsTd3"/>).</summary>
    public Td3(string environment, DdpgConfig config, int seed)
        : this(environment, config.AsTd3(), seed, "ddpg", config)
    {
    }

    private Td3(string environment, Td3Config config, int seed, string algorithm, IAgentConfig saved)
    {
        var entry = ClassicControlCatalog.Find(environment);
        EnvironmentId = entry.Id;
        Algorithm = algorithm;
        var probe = entry.Create();
        if (probe.ActionSpace is not BoxSpace box || !box.IsBounded)
        {
            throw new ZeroException($"{algorithm.ToUpperInvariant()} needs bounded continuous (Box) actions; {entry.Id} has {probe.ActionSpace}. Use dqn, ppo or a2c for discrete actions.");
        }
        if (config.NCritics < 1 || config.PolicyDelay < 1)
        {
            throw new ZeroException($"n_critics ({config.NCritics}) and policy_delay ({config.PolicyDelay}) must be at least 1.");
        }
        _config = config;
        _savedConfig = saved;
        _random = new RandomSource(seed);
        Seed = seed;
        _obsSize = probe.ObservationSpace.FlatSize;
        _act = box.FlatSize;
        _low = box.Low.ToArray();
        _high = box.High.ToArray();
        _actor = Networks.Create([_obsSize, .. config.NetArch, _act], Activation.Relu, _random);
        _actorTarget = Networks.Create([_obsSize, .. config.NetArch, _act], Activation.Relu, _random);
        _critics = new Mlp[config.NCritics];
        _criticTargets = new Mlp[config.NCritics];
        _criticParameters = new IReadOnlyList<Tensor>[config.NCritics];
        _criticTargetParameters = new IReadOnlyList<Tensor>[config.NCritics];
        for (int i = 0; i < config.NCritics; i++)
        {
            _critics[i] = Networks.Create([_obsSize + _act, .. config.NetArch, 1], Activation.Relu, _random);
            _criticTargets[i] = Networks.Create([_obsSize + _act, .. config.NetArch, 1], Activation.Relu, _random);
            _criticParameters[i] = _critics[i].Parameters();
            _criticTargetParameters[i] = _criticTargets[i].Parameters();
        }
        _actorParameters = _actor.Parameters();
        _actorTargetParameters = _actorTarget.Parameters();
        CopyToTargets();
        float lr = (float)config.LearningRate.Value(1);
        _actorOptimizer = new Adam(_actorParameters, lr);
        _criticOptimizer = new Adam([.. _criticParameters.SelectMany(p => p)], lr);
        _actObs = new float[_obsSize];
        _actUnit = new float[_act];
    }

    /// <inheritdoc/>
    public string Algorithm { get; }

    /// <inheritdoc/>
    public string EnvironmentId { get; }

    /// <inheritdoc/>
    public int Seed { get; }

    /// <summary>The configuration as TD3 keys (for DDPG: with its three fixed values).</summary>
    public Td3Config Config => _config;

    /// <inheritdoc/>
    IAgentConfig IAgent.Config => _savedConfig;

    /// <inheritdoc/>
    public long StepsTrained { get; private set; }

    /// <inheritdoc/>
    public (long Step, double Mean, int Seed)? KeptEvaluation { get; private set; }

    private void CopyToTargets()
    {
        Polyak.Update(_actorTargetParameters, _actorParameters, 1f);
        for (int i = 0; i < _critics.Length; i++)
        {
            Polyak.Update(_criticTargetParameters[i], _criticParameters[i], 1f);
        }
    }

    /// <inheritdoc/>
    public void Learn(long totalSteps, Action<TrainingProgress>? progress = null, TimeProvider? time = null, CancellationToken cancel = default)
    {
        time ??= TimeProvider.System;
        var env = new VectorEnvironment(() => new RescaleAction(ClassicControlCatalog.Make(EnvironmentId)), 1);
        env.Reset(Seed);
        var buffer = new ReplayBuffer(Math.Min(_config.BufferSize, (int)Math.Min(int.MaxValue, totalSteps)), _obsSize, _act);
        var scratch = new SacBatch(_config.BatchSize, _obsSize, _act, 0);
        var noise = new ActionNoise(_config.NoiseType, _config.NoiseStd, _act);
        var obs = new float[_obsSize];
        var action = new float[_act];
        long start = time.GetTimestamp();
        BestWeights? best = _config.EvalFreq > 0 ? new BestWeights(this, [.. _actorParameters, .. _criticParameters.SelectMany(p => p)], _config.EvalEpisodes) : null;

        for (long step = 0; step < totalSteps; step++)
        {
            // 1. Act: uniform in [−1, 1] before learning starts, then the actor's action; plus exploration noise, clipped.
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
                _actor.Predict(obs, action);
                TensorPrimitives.Tanh(action, action);
            }
            noise.Add(_random, action);
            TensorPrimitives.Clamp(action, -1f, 1f, action);

            // 2. Step and store (real final observation; only termination stops bootstrapping).
            env.Step(action);
            bool done = env.Terminated[0] || env.Truncated[0];
            buffer.Add(obs, action, env.Rewards[0], done ? env.FinalObservations : env.Observations, env.Terminated[0]);
            if (done)
            {
                noise.Reset();
            }
            StepsTrained++;

            // 3. Train: gradient_steps (−1: train_freq of them) after every train_freq steps.
            if (StepsTrained % _config.TrainFreq == 0 && StepsTrained > _config.LearningStarts)
            {
                int steps = _config.GradientSteps >= 0 ? _config.GradientSteps : _config.TrainFreq;
                for (int g = 0; g < steps; g++)
                {
                    Train(buffer, scratch);
                }
            }

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
        if (best is not null && StepsTrained > _config.LearningStarts)
        {
            KeptEvaluation = best.Finish(StepsTrained);
            CopyToTargets();
        }
    }

    /// <summary>One critic step and, every policy_delay of them, one actor step and the Polyak target updates.</summary>
    private void Train(ReplayBuffer buffer, SacBatch s)
    {
        int b = s.Size;
        _updates++;
        buffer.Sample(b, _random, s.Obs, s.Actions, s.Rewards, s.NextObs, s.Terminated);

        // 1. Target (no tape): a′ = clip(μ′(s′) + clip(N(0, σ̃²), ±c), ±1); y = r + γ(1 − terminated)·min_i Q′_i(s′, a′).
        _actorTarget.Predict(s.NextObs, b, s.PiActions);
        TensorPrimitives.Tanh(s.PiActions.AsSpan(0, b * _act), s.PiActions.AsSpan(0, b * _act));
        if (_config.TargetPolicyNoise > 0)
        {
            float clip = (float)_config.TargetNoiseClip;
            for (int i = 0; i < b * _act; i++)
            {
                float n = Math.Clamp((float)(_config.TargetPolicyNoise * _random.NextNormal()), -clip, clip);
                s.PiActions[i] = Math.Clamp(s.PiActions[i] + n, -1f, 1f);
            }
        }
        Concat(s.NextObs, s.PiActions, b, s.CriticInput);
        for (int i = 0; i < _critics.Length; i++)
        {
            _criticTargets[i].Predict(s.CriticInput, b, i == 0 ? s.Q1 : s.Q2);
            if (i > 0)
            {
                TensorPrimitives.Min(s.Q1.AsSpan(0, b), s.Q2.AsSpan(0, b), s.Q1.AsSpan(0, b));
            }
        }
        for (int j = 0; j < b; j++)
        {
            s.Targets[j] = s.Rewards[j] + ((1 - s.Terminated[j]) * (float)_config.Gamma * s.Q1[j]);
        }

        // 2. Critics: loss = Σ_i mean((Q_i(s, a) − y)²).
        _criticTape.Reset();
        Concat(s.Obs, s.Actions, b, s.CriticInput);
        Tensor criticLoss = CriticLoss(_criticTape, s.CriticInput, s.Targets, b);
        _criticOptimizer.ZeroGrad();
        _criticTape.Backward(criticLoss);
        _criticOptimizer.Step();

        // 3. Delayed policy update: loss = −mean Q₁(s, μ(s)) (critic frozen), then θ′ ← (1 − τ)θ′ + τθ for actor and critics.
        if (_updates % _config.PolicyDelay == 0)
        {
            SetRequiresGrad(_criticParameters[0], false);
            _actorTape.Reset();
            Tensor actorLoss = ActorLoss(_actorTape, s.Obs, b);
            _actorOptimizer.ZeroGrad();
            _actorTape.Backward(actorLoss);
            _actorOptimizer.Step();
            SetRequiresGrad(_criticParameters[0], true);
            float tau = (float)_config.Tau;
            for (int i = 0; i < _critics.Length; i++)
            {
                Polyak.Update(_criticTargetParameters[i], _criticParameters[i], tau);
            }
            Polyak.Update(_actorTargetParameters, _actorParameters, tau);
        }
    }

    /// <summary>Σ_i mean((Q_i(s, a) − y)²) over <paramref name="b"/> rows of [s, a] and targets y. Internal for the gradient check.</summary>
    internal Tensor CriticLoss(Tape tape, ReadOnlySpan<float> stateActions, ReadOnlySpan<float> targets, int b)
    {
        Tensor sa = tape.Alloc([b, _obsSize + _act]);
        stateActions[..(b * (_obsSize + _act))].CopyTo(sa.Span);
        Tensor y = tape.Alloc([b, 1]);
        targets[..b].CopyTo(y.Span);
        Tensor loss = tape.Mse(_critics[0].Forward(tape, sa), y);
        for (int i = 1; i < _critics.Length; i++)
        {
            loss = tape.Add(loss, tape.Mse(_critics[i].Forward(tape, sa), y));
        }
        return loss;
    }

    /// <summary>−mean Q₁(s, tanh(actor(s))) over <paramref name="b"/> observation rows. Internal for the gradient check.</summary>
    internal Tensor ActorLoss(Tape tape, ReadOnlySpan<float> observations, int b)
    {
        Tensor obs = tape.Alloc([b, _obsSize]);
        observations[..(b * _obsSize)].CopyTo(obs.Span);
        _concat[0] = obs;
        _concat[1] = tape.Tanh(_actor.Forward(tape, obs));
        return tape.Neg(tape.Mean(_critics[0].Forward(tape, tape.Concat(_concat, 1))));
    }

    /// <summary>The actor's and critics' parameters (for the gradient check).</summary>
    internal IReadOnlyList<Tensor> TrainedParameters => [.. _actorParameters, .. _criticParameters.SelectMany(p => p)];

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
    /// <remarks>The policy is deterministic: a stochastic Act adds the Gaussian exploration noise N(0, noise_std²).</remarks>
    public void Act(ReadOnlySpan<float> observation, Span<float> action, bool deterministic)
    {
        observation.CopyTo(_actObs);
        _actor.Predict(_actObs, _actUnit);
        TensorPrimitives.Tanh(_actUnit, _actUnit);
        if (!deterministic)
        {
            for (int j = 0; j < _act; j++)
            {
                _actUnit[j] = Math.Clamp(_actUnit[j] + (float)(_config.NoiseStd * _random.NextNormal()), -1f, 1f);
            }
        }
        RescaleAction.Map(_actUnit, _low, _high, clip: true, action);
    }

    /// <inheritdoc/>
    public void Save(string path)
    {
        var tensors = new List<(string, float[])>();
        Networks.Add(tensors, "actor", _actor);
        var sizes = new Dictionary<string, int[]> { ["actor"] = [.. _actor.Sizes] };
        for (int i = 0; i < _critics.Length; i++)
        {
            Networks.Add(tensors, $"q{i + 1}", _critics[i]);
            sizes[$"q{i + 1}"] = [.. _critics[i].Sizes];
        }
        var header = new ModelHeader(Algorithm, EnvironmentId, JsonSerializer.SerializeToElement(_savedConfig, _savedConfig.GetType(), ModelFile.Json), null, sizes, StepsTrained);
        ModelFile.Save(path, header, tensors);
    }

    /// <summary>Restores a TD3 agent saved with <see cref="Save"/>.</summary>
    public static Td3 LoadTd3(string path, ModelHeader header, Dictionary<string, float[]> tensors) =>
        Restore(new Td3(header.Environment, header.Config.Deserialize<Td3Config>(ModelFile.Json) ?? throw new ZeroException($"'{path}' has no TD3 config."), 0), header, tensors, path);

    /// <summary>Restores a DDPG agent saved with <see cref="Save"/>.</summary>
    public static Td3 LoadDdpg(string path, ModelHeader header, Dictionary<string, float[]> tensors) =>
        Restore(new Td3(header.Environment, header.Config.Deserialize<DdpgConfig>(ModelFile.Json) ?? throw new ZeroException($"'{path}' has no DDPG config."), 0), header, tensors, path);

    private static Td3 Restore(Td3 agent, ModelHeader header, Dictionary<string, float[]> tensors, string path)
    {
        agent.StepsTrained = header.StepsTrained;
        Networks.Restore(tensors, "actor", agent._actor, path);
        for (int i = 0; i < agent._critics.Length; i++)
        {
            Networks.Restore(tensors, $"q{i + 1}", agent._critics[i], path);
        }
        agent.CopyToTargets();
        return agent;
    }
}
