using System.Text.Json;
using Zero.Engine.Autograd;
using Zero.Engine.Ops;
using Zero.Engine.Optim;
using Zero.Engine.Tensors;
using Zero.Rl.ClassicControl;
using Zero.Rl.Training;
using Zero.Rl.Vector;

namespace Zero.Rl.Algorithms;

/// <summary>
/// REINFORCE, Monte-Carlo policy gradient (Williams 1992), with reward-to-go and an optional learned baseline.
/// <see cref="Learn"/> reads (1) play episodes_per_update complete episodes with the current policy (categorical for
/// Discrete actions, diagonal Gaussian with a learned log σ for Box, from <see cref="ActorCriticPolicy"/>); (2) the
/// reward-to-go G_t of every step, advantages G_t − V(s_t) (or G_t) normalised; (3) one Adam step on
/// −mean(Â·log π(a|s)) − c_ent·mean(H) + c_vf·mean((G − V)²). Storage is sized once for the longest possible batch
/// (episodes × the time limit), and the loss runs on the batch padded with zero-weight rows to a multiple of
/// <see cref="Padding"/>, so the tape sees few distinct shapes and nothing allocates per step.
/// </summary>
public sealed class Reinforce : IAgent
{
    /// <summary>Loss batches are padded to a multiple of this many rows (episodes vary in length; the tape reuses shapes).</summary>
    private const int Padding = 256;

    private readonly ReinforceConfig _config;
    private readonly ActorCriticPolicy _net;
    private readonly Adam _optimizer;
    private readonly RandomSource _random;
    private readonly Tape _tape = new();
    private readonly float[] _actObs;
    private readonly int _capacity;
    private readonly float[] _obs, _actions, _rewards, _returns, _advantages, _values, _head, _latent, _step, _final;
    private readonly int[] _discrete;
    private readonly float[] _weights;
    private readonly bool[] _ends;
    private int _rows;

    /// <summary>Creates an untrained agent for <paramref name="environment"/>; <paramref name="seed"/> fixes initialisation and exploration.</summary>
    public Reinforce(string environment, ReinforceConfig config, int seed)
    {
        var entry = ClassicControlCatalog.Find(environment);
        EnvironmentId = entry.Id;
        if (config.EpisodesPerUpdate < 1)
        {
            throw new ZeroException($"episodes_per_update is {config.EpisodesPerUpdate}: REINFORCE needs at least one complete episode per update.");
        }
        _config = config;
        _random = new RandomSource(seed);
        Seed = seed;
        _net = new ActorCriticPolicy(entry.Create(), config.NetArch, config.ActivationFn, config.OrthoInit, config.LogStdInit, useSde: false, config.UseBaseline, _random, "REINFORCE");
        _optimizer = new Adam([.. _net.PolicyParameters, .. _net.ValueParameters], (float)config.LearningRate.Value(1));
        _actObs = new float[_net.ObsSize];
        _capacity = ((config.EpisodesPerUpdate * entry.MaxEpisodeSteps) + Padding - 1) / Padding * Padding;
        _obs = new float[_capacity * _net.ObsSize];
        _actions = new float[_capacity * _net.ActSize];
        _discrete = new int[_capacity];
        _rewards = new float[_capacity];
        _returns = new float[_capacity];
        _advantages = new float[_capacity];
        _values = new float[_capacity];
        _ends = new bool[_capacity];
        _weights = new float[_capacity];
        _head = new float[_net.HeadSize];
        _latent = [];
        _step = new float[_net.ActSize];
        _final = new float[1];
    }

    /// <inheritdoc/>
    public string Algorithm => "reinforce";

    /// <inheritdoc/>
    public string EnvironmentId { get; }

    /// <inheritdoc/>
    public int Seed { get; }

    /// <summary>The configuration.</summary>
    public ReinforceConfig Config => _config;

    /// <inheritdoc/>
    IAgentConfig IAgent.Config => _config;

    /// <inheritdoc/>
    public long StepsTrained { get; private set; }

    /// <inheritdoc/>
    public (long Step, double Mean, int Seed)? KeptEvaluation { get; private set; }

    /// <summary>The policy (and baseline) networks, for the gradient check.</summary>
    internal ActorCriticPolicy Policy => _net;

    /// <inheritdoc/>
    public void Learn(long totalSteps, Action<TrainingProgress>? progress = null, TimeProvider? time = null, CancellationToken cancel = default)
    {
        time ??= TimeProvider.System;
        var env = new VectorEnvironment(() => ClassicControlCatalog.Make(EnvironmentId), 1);
        env.Reset(Seed);
        long start = time.GetTimestamp(), trained = 0;
        BestWeights? best = _config.EvalFreq > 0 ? new BestWeights(this, _optimizer.Parameters, _config.EvalEpisodes) : null;

        while (trained < totalSteps)
        {
            cancel.ThrowIfCancellationRequested();
            Collect(env);
            trained += _rows;
            StepsTrained += _rows;
            _optimizer.LearningRate = (float)_config.LearningRate.Value(Math.Max(0, 1 - ((double)trained / totalSteps)));
            _tape.Reset();
            Tensor loss = Loss(_tape);
            _optimizer.ZeroGrad();
            _tape.Backward(loss);
            if (_config.MaxGradNorm > 0)
            {
                GradientClipping.ClipGlobalNorm(_optimizer.Parameters, (float)_config.MaxGradNorm);
            }
            _optimizer.Step();

            if (best is not null && StepsTrained / _config.EvalFreq > (StepsTrained - _rows) / _config.EvalFreq)
            {
                best.Evaluate(StepsTrained);
            }
            double seconds = time.GetElapsedTime(start).TotalSeconds;
            progress?.Invoke(new TrainingProgress(StepsTrained, StepsTrained - trained + totalSteps, seconds, trained / Math.Max(seconds, 1e-9), env.Statistics.EpisodeCount, env.Statistics.RecentMeanReturn));
        }
        if (best is not null && trained > 0)
        {
            KeptEvaluation = best.Finish(StepsTrained);
        }
    }

    /// <summary>Plays episodes_per_update complete episodes into the batch storage, then fills returns and advantages.</summary>
    internal void Collect(VectorEnvironment env)
    {
        int obsSize = _net.ObsSize, act = _net.ActSize;
        _rows = 0;
        for (int episodes = 0; episodes < _config.EpisodesPerUpdate;)
        {
            int k = _rows++;
            Span<float> o = _obs.AsSpan(k * obsSize, obsSize);
            env.Observations.CopyTo(o);
            _net.Heads(o, 1, _latent, _head);
            Span<float> a = _actions.AsSpan(k * act, act);
            _net.Sample(_head, _latent, [], a);
            _discrete[k] = _net.Discrete ? (int)a[0] : 0;
            _net.ClipToBounds(a, _step);
            env.Step(_step);
            _rewards[k] = env.Rewards[0];
            _ends[k] = env.Terminated[0] || env.Truncated[0];
            if (_ends[k])
            {
                episodes++;
                if (env.Truncated[0] && !env.Terminated[0] && _net.Value is not null)
                {
                    _net.Value.Predict(env.FinalObservations, 1, _final);
                    _rewards[k] += (float)(_config.Gamma * _final[0]);
                }
            }
        }

        // Reward-to-go within each episode, from its end backwards.
        double g = 0;
        for (int k = _rows - 1; k >= 0; k--)
        {
            g = _rewards[k] + (_ends[k] ? 0 : _config.Gamma * g);
            _returns[k] = (float)g;
        }
        if (_net.Value is not null)
        {
            _net.Value.Predict(_obs.AsSpan(0, _rows * obsSize), _rows, _values.AsSpan(0, _rows));
        }
        for (int k = 0; k < _rows; k++)
        {
            _advantages[k] = _returns[k] - (_net.Value is null ? 0 : _values[k]);
        }
        if (_config.NormalizeAdvantage && _rows > 1)
        {
            A2c.Normalize(_advantages.AsSpan(0, _rows));
        }

        // Padding rows up to the next multiple of 256: zero observation, action 0, advantage 0, weight 0.
        int padded = PaddedRows;
        _weights.AsSpan(0, _rows).Fill(1f);
        _weights.AsSpan(_rows, padded - _rows).Clear();
        _obs.AsSpan(_rows * obsSize, (padded - _rows) * obsSize).Clear();
        _actions.AsSpan(_rows * act, (padded - _rows) * act).Clear();
        _discrete.AsSpan(_rows, padded - _rows).Clear();
        _advantages.AsSpan(_rows, padded - _rows).Clear();
        _returns.AsSpan(_rows, padded - _rows).Clear();
    }

    private int PaddedRows => (_rows + Padding - 1) / Padding * Padding;

    /// <summary>The reward-to-go of row <paramref name="k"/> of the last collected batch (tests).</summary>
    internal float ReturnAt(int k) => _returns[k];

    /// <summary>Whether an episode ended at row <paramref name="k"/> of the last collected batch (tests).</summary>
    internal bool EndsAt(int k) => _ends[k];

    /// <summary>Rows (environment steps) of the last collected batch.</summary>
    internal int Rows => _rows;

    /// <summary>−mean(Â·log π(a|s)) − c_ent·mean(H) + c_vf·mean((G − V(s))²) over the collected batch.</summary>
    internal Tensor Loss(Tape tape)
    {
        int m = PaddedRows;
        float perRow = 1f / _rows;
        Tensor x = tape.Alloc([m, _net.ObsSize]);
        _obs.AsSpan(0, m * _net.ObsSize).CopyTo(x.Span);
        Tensor adv = tape.Alloc([m]);
        _advantages.AsSpan(0, m).CopyTo(adv.Span);
        Tensor weight = tape.Alloc([m]);
        _weights.AsSpan(0, m).CopyTo(weight.Span);
        Tensor? act = null;
        if (!_net.Discrete)
        {
            act = tape.Alloc([m, _net.ActSize]);
            _actions.AsSpan(0, m * _net.ActSize).CopyTo(act.Span);
        }

        // Sums over the real rows divided by their count: padding rows carry advantage 0 and weight 0.
        (Tensor head, Tensor logStd) = _net.Forward(tape, x);
        Tensor loss = tape.Scale(tape.Sum(tape.Mul(_net.LogProb(tape, head, logStd, _discrete, act), adv)), -perRow);
        if (_config.EntCoef != 0)
        {
            Tensor entropy = _net.Discrete ? tape.Scale(tape.Sum(tape.Mul(_net.Entropy(tape, head, logStd), weight)), perRow) : tape.Mean(_net.Entropy(tape, head, logStd));
            loss = tape.Sub(loss, tape.Scale(entropy, (float)_config.EntCoef));
        }
        if (_net.Value is not null)
        {
            Tensor ret = tape.Alloc([m]);
            _returns.AsSpan(0, m).CopyTo(ret.Span);
            Tensor error = tape.Sub(tape.Reshape(_net.Value.Forward(tape, x), m), ret);
            loss = tape.Add(loss, tape.Scale(tape.Sum(tape.Mul(tape.Square(error), weight)), (float)_config.VfCoef * perRow));
        }
        return loss;
    }

    /// <inheritdoc/>
    public void Act(ReadOnlySpan<float> observation, Span<float> action, bool deterministic)
    {
        observation.CopyTo(_actObs);
        _net.Act(_actObs, action, deterministic);
    }

    /// <inheritdoc/>
    public void Save(string path)
    {
        var tensors = new List<(string, float[])>();
        var sizes = new Dictionary<string, int[]>();
        _net.Save(tensors, sizes);
        var header = new ModelHeader(Algorithm, EnvironmentId, JsonSerializer.SerializeToElement(_config, ModelFile.Json), null, sizes, StepsTrained);
        ModelFile.Save(path, header, tensors);
    }

    /// <summary>Restores an agent saved with <see cref="Save"/>.</summary>
    public static Reinforce Load(string path, ModelHeader header, Dictionary<string, float[]> tensors)
    {
        ReinforceConfig config = header.Config.Deserialize<ReinforceConfig>(ModelFile.Json) ?? throw new ZeroException($"'{path}' has no REINFORCE config.");
        var agent = new Reinforce(header.Environment, config, 0) { StepsTrained = header.StepsTrained };
        agent._net.Restore(tensors, path);
        return agent;
    }
}
