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

namespace Zero.Rl.Algorithms;

/// <summary>
/// Deep Q-Network (Mnih et al. 2015) as SB3's DQN, with the Double DQN target as an option (van Hasselt et al.
/// 2016). <see cref="Learn"/> reads top to bottom: act ε-greedily (uniformly random before learning_starts), store
/// the transition with the real final observation and terminated (not truncated) as the done flag, update the
/// target network every target_update_interval steps (Polyak τ; τ = 1 is a hard copy), and every train_freq steps
/// run gradient_steps updates of the Huber loss on replayed minibatches with global gradient clipping; with eval_freq,
/// evaluate the greedy policy every eval_freq steps and end on the best-scoring weights (SB3's EvalCallback). The Q network
/// is a Zero.Engine <see cref="Mlp"/>: targets and acting use its tape-free <c>Predict</c>, the loss runs on a reused
/// <see cref="Tape"/> (Gather of Q(s, a), Huber), so a gradient step allocates nothing after the first.
/// </summary>
public sealed class Dqn : IAgent
{
    private readonly DqnConfig _config;
    private readonly Mlp _q;
    private readonly Mlp _target;
    private readonly IReadOnlyList<Tensor> _qParameters;
    private readonly IReadOnlyList<Tensor> _targetParameters;
    private readonly Adam _optimizer;
    private readonly RandomSource _random;
    private readonly Tape _tape = new();
    private readonly int _obsSize;
    private readonly int _actions;
    private readonly float[] _actObs;
    private readonly float[] _actQ;
    private NormalizationState? _normalization;

    /// <summary>Creates an untrained agent. Throws <see cref="ZeroException"/> for an environment without discrete actions.</summary>
    public Dqn(string environment, DqnConfig config, int seed)
    {
        var entry = ClassicControlCatalog.Find(environment);
        EnvironmentId = entry.Id;
        var probe = entry.Create();
        if (probe.ActionSpace is not DiscreteSpace d)
        {
            throw new ZeroException($"DQN needs discrete actions; {entry.Id} has {probe.ActionSpace}. Use sac or ppo for continuous actions.");
        }
        _config = config;
        _random = new RandomSource(seed);
        Seed = seed;
        _obsSize = probe.ObservationSpace.FlatSize;
        _actions = d.N;
        _q = Networks.Create([_obsSize, .. config.NetArch, _actions], Activation.Relu, _random);
        _target = Networks.Create([_obsSize, .. config.NetArch, _actions], Activation.Relu, _random);
        _qParameters = _q.Parameters();
        _targetParameters = _target.Parameters();
        Polyak.Update(_targetParameters, _qParameters, 1f);
        _optimizer = new Adam(_qParameters, (float)config.LearningRate.Value(1));
        _actObs = new float[_obsSize];
        _actQ = new float[_actions];
    }

    /// <inheritdoc/>
    public string Algorithm => "dqn";

    /// <inheritdoc/>
    public string EnvironmentId { get; }

    /// <summary>The seed the agent was created with.</summary>
    public int Seed { get; }

    /// <summary>The configuration.</summary>
    public DqnConfig Config => _config;

    /// <inheritdoc/>
    IAgentConfig IAgent.Config => _config;

    /// <inheritdoc/>
    public (long Step, double Mean, int Seed)? KeptEvaluation { get; private set; }

    /// <summary>Environment steps trained so far.</summary>
    public long StepsTrained { get; private set; }

    /// <summary>Trains for <paramref name="totalSteps"/> environment steps, reporting every 1000 steps.</summary>
    public void Learn(long totalSteps, Action<TrainingProgress>? progress = null, TimeProvider? time = null, CancellationToken cancel = default)
    {
        time ??= TimeProvider.System;
        var venv = new VectorEnvironment(() => ClassicControlCatalog.Make(EnvironmentId), 1);
        VecNormalize? norm = _config.Normalize ? new VecNormalize(venv, normalizeRewards: false, gamma: _config.Gamma) : null;
        IVectorEnvironment env = norm ?? (IVectorEnvironment)venv;
        env.Reset(Seed);
        var buffer = new ReplayBuffer(Math.Min(_config.BufferSize, (int)Math.Min(int.MaxValue, totalSteps)), _obsSize, 1);
        int b = _config.BatchSize;
        var obs = new float[_obsSize];
        var action = new float[1];
        var bObs = new float[b * _obsSize];
        var bNext = new float[b * _obsSize];
        var bAct = new float[b];
        var bRew = new float[b];
        var bTerm = new float[b];
        var targets = new float[b];
        var next = new float[b * _actions];
        var bActInt = new int[b];
        long start = time.GetTimestamp();
        int sinceTrain = 0;
        BestWeights? best = _config.EvalFreq > 0 ? new BestWeights(this, _qParameters, _config.EvalEpisodes) : null;

        for (long step = 0; step < totalSteps; step++)
        {
            // 1. ε-greedy action (uniform before learning starts); ε decays linearly over exploration_fraction of training.
            env.Observations.CopyTo(obs);
            double progressDone = (double)StepsTrained / totalSteps;
            double eps = progressDone >= _config.ExplorationFraction
                ? _config.ExplorationFinalEps
                : _config.ExplorationInitialEps + ((_config.ExplorationFinalEps - _config.ExplorationInitialEps) * progressDone / _config.ExplorationFraction);
            action[0] = StepsTrained < _config.LearningStarts || _random.NextDouble() < eps
                ? _random.NextInt(_actions)
                : GreedyAction(obs);

            // 2. Step and store; a finished episode stores its real final observation, and only termination stops bootstrapping.
            env.Step(action);
            bool done = env.Terminated[0] || env.Truncated[0];
            buffer.Add(obs, action, env.Rewards[0], done ? env.FinalObservations : env.Observations, env.Terminated[0]);
            StepsTrained++;
            sinceTrain++;

            // 3. Target network update (every target_update_interval environment steps).
            if (StepsTrained % Math.Max(_config.TargetUpdateInterval, 1) == 0)
            {
                Polyak.Update(_targetParameters, _qParameters, (float)_config.Tau);
            }

            // 4. Train every train_freq steps once learning has started.
            if (StepsTrained % _config.TrainFreq == 0 && StepsTrained > _config.LearningStarts)
            {
                int gradientSteps = _config.GradientSteps >= 0 ? _config.GradientSteps : sinceTrain;
                _optimizer.LearningRate = (float)_config.LearningRate.Value(Math.Max(0, 1 - progressDone));
                for (int g = 0; g < gradientSteps; g++)
                {
                    TrainStep(buffer, b, bObs, bAct, bActInt, bRew, bNext, bTerm, targets, next);
                }
                sinceTrain = 0;
            }

            // 5. Periodic deterministic evaluation (eval_freq > 0, after learning starts): remember the best weights.
            if (best is not null && StepsTrained % _config.EvalFreq == 0 && StepsTrained > _config.LearningStarts)
            {
                _normalization = norm?.Save();
                best.Evaluate(StepsTrained, _normalization);
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
        _normalization = norm?.Save();

        // 6. With evaluations, end on the best-scoring weights (the final ones are evaluated if the last step was not).
        if (best is not null && StepsTrained > _config.LearningStarts)
        {
            KeptEvaluation = best.Finish(StepsTrained, _normalization);
            _normalization = best.KeptNormalization;
            Polyak.Update(_targetParameters, _qParameters, 1f);
        }
    }

    /// <summary>One gradient step: y = r + γ(1 − terminated)·max_a′ Q_target(s′, a′) (Double DQN: Q_target(s′, argmax Q(s′))), Huber loss.</summary>
    private void TrainStep(ReplayBuffer buffer, int b, float[] bObs, float[] bAct, int[] bActInt, float[] bRew, float[] bNext, float[] bTerm, float[] targets, float[] next)
    {
        buffer.Sample(b, _random, bObs, bAct, bRew, bNext, bTerm);

        // 1. Targets from the frozen network (no tape): max_a′ Q_target(s′, a′), or for Double DQN Q_target(s′, argmax_a′ Q(s′, a′)).
        if (_config.DoubleQ)
        {
            _q.Predict(bNext, b, next);
            for (int j = 0; j < b; j++)
            {
                targets[j] = ActionSampling.ArgMax(next.AsSpan(j * _actions, _actions));
            }
        }
        _target.Predict(bNext, b, next);
        for (int j = 0; j < b; j++)
        {
            ReadOnlySpan<float> row = next.AsSpan(j * _actions, _actions);
            float best = _config.DoubleQ ? row[(int)targets[j]] : row[ActionSampling.ArgMax(row)];
            targets[j] = bRew[j] + ((1 - bTerm[j]) * (float)_config.Gamma * best);
            bActInt[j] = (int)bAct[j];
        }

        // 2. Huber (smooth L1, δ = 1) loss on Q(s, a), clipped global gradient, one Adam step.
        _tape.Reset();
        Tensor x = _tape.Alloc([b, _obsSize]);
        bObs.AsSpan(0, b * _obsSize).CopyTo(x.Span);
        Tensor y = _tape.Alloc([b]);
        targets.AsSpan(0, b).CopyTo(y.Span);
        Tensor qa = _tape.Gather(_q.Forward(_tape, x), bActInt);
        Tensor loss = _tape.Huber(qa, y);
        _optimizer.ZeroGrad();
        _tape.Backward(loss);
        GradientClipping.ClipGlobalNorm(_qParameters, (float)_config.MaxGradNorm);
        _optimizer.Step();
    }

    private int GreedyAction(ReadOnlySpan<float> observation)
    {
        _q.Predict(observation, _actQ);
        return ActionSampling.ArgMax(_actQ);
    }

    /// <inheritdoc/>
    public void Act(ReadOnlySpan<float> observation, Span<float> action, bool deterministic)
    {
        observation.CopyTo(_actObs);
        _normalization?.NormalizeObservation(_actObs);
        action[0] = !deterministic && _random.NextDouble() < _config.ExplorationFinalEps
            ? _random.NextInt(_actions)
            : GreedyAction(_actObs);
    }

    /// <inheritdoc/>
    public void Save(string path)
    {
        var tensors = new List<(string, float[])>();
        Networks.Add(tensors, "q", _q);
        var header = new ModelHeader(Algorithm, EnvironmentId, JsonSerializer.SerializeToElement(_config, ModelFile.Json), _normalization,
            new Dictionary<string, int[]> { ["q"] = [.. _q.Sizes] }, StepsTrained);
        ModelFile.Save(path, header, tensors);
    }

    /// <summary>Restores an agent saved with <see cref="Save"/>.</summary>
    public static Dqn Load(string path, ModelHeader header, Dictionary<string, float[]> tensors)
    {
        DqnConfig config = header.Config.Deserialize<DqnConfig>(ModelFile.Json) ?? throw new ZeroException($"'{path}' has no DQN config.");
        var agent = new Dqn(header.Environment, config, 0) { StepsTrained = header.StepsTrained };
        Networks.Restore(tensors, "q", agent._q, path);
        Polyak.Update(agent._targetParameters, agent._qParameters, 1f);
        agent._normalization = header.Normalization;
        return agent;
    }
}
