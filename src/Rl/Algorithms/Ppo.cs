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
/// Proximal Policy Optimization (Schulman et al. 2017) with SB3's defaults and CleanRL's layout: <see cref="Learn"/>
/// reads top to bottom as (1) collect a rollout from the vector environment, bootstrapping time-limit truncations,
/// (2) GAE(λ), (3) epochs of shuffled minibatches with the clipped surrogate, value loss, entropy bonus, advantage
/// normalisation, annealed learning rate and clip range, and global gradient clipping. Separate policy and value
/// MLPs; categorical actions for Discrete spaces, a diagonal Gaussian with a state-independent log σ for Box spaces.
/// </summary>
public sealed class Ppo : IAgent
{
    private readonly PpoConfig _config;
    private readonly Mlp _policy;
    private readonly Mlp _value;
    private readonly float[] _logStd;
    private readonly float[] _gradLogStd;
    private readonly Adam _optimizer;
    private readonly RandomSource _random;
    private readonly bool _discrete;
    private readonly int _obsSize;
    private readonly int _actSize;
    private readonly float[] _actionLow = [];
    private readonly float[] _actionHigh = [];
    private readonly float[] _actObs;
    private NormalizationState? _normalization;

    /// <summary>Creates an untrained agent for <paramref name="environment"/>; <paramref name="seed"/> fixes initialisation, exploration and shuffling.</summary>
    public Ppo(string environment, PpoConfig config, int seed)
    {
        var entry = ClassicControlCatalog.Find(environment);
        EnvironmentId = entry.Id;
        _config = config;
        _random = new RandomSource(seed);
        Seed = seed;
        var probe = entry.Create();
        _obsSize = probe.ObservationSpace.FlatSize;
        _actSize = probe.ActionSpace.FlatSize;
        int policyOut;
        switch (probe.ActionSpace)
        {
            case DiscreteSpace d:
                _discrete = true;
                policyOut = d.N;
                break;
            case BoxSpace box:
                policyOut = box.FlatSize;
                _actionLow = box.Low.ToArray();
                _actionHigh = box.High.ToArray();
                break;
            default:
                throw new ZeroException($"PPO supports Discrete and Box action spaces, not {probe.ActionSpace}.");
        }
        Activation act = ParseActivation(config.ActivationFn);
        _policy = new Mlp([_obsSize, .. config.NetArch, policyOut], act, _random);
        _value = new Mlp([_obsSize, .. config.NetArch, 1], act, _random);
        if (config.OrthoInit)
        {
            _policy.InitializeOrthogonal(_random, 0.01f);
            _value.InitializeOrthogonal(_random, 1f);
        }
        _logStd = Enumerable.Repeat((float)config.LogStdInit, _discrete ? 0 : policyOut).ToArray();
        _gradLogStd = new float[_logStd.Length];
        _optimizer = new Adam(
            [.. _policy.Parameters, .. _value.Parameters, _logStd],
            [.. _policy.Gradients, .. _value.Gradients, _gradLogStd],
            config.LearningRate.Value(1), epsilon: 1e-5);
        _actObs = new float[_obsSize];
    }

    /// <inheritdoc/>
    public string Algorithm => "ppo";

    /// <inheritdoc/>
    public string EnvironmentId { get; }

    /// <summary>The seed the agent was created with.</summary>
    public int Seed { get; }

    /// <summary>The configuration.</summary>
    public PpoConfig Config => _config;

    /// <summary>Environment steps trained so far.</summary>
    public long StepsTrained { get; private set; }

    internal static Activation ParseActivation(string name) => name.ToLowerInvariant() switch
    {
        "tanh" => Activation.Tanh,
        "relu" => Activation.ReLU,
        _ => throw new ZeroException($"Unknown activation_fn '{name}': use \"tanh\" or \"relu\"."),
    };

    /// <summary>
    /// Trains for <paramref name="totalSteps"/> environment steps (rounded up to whole rollouts), reporting after each
    /// rollout. Observation statistics (when <c>normalize</c> is on) are kept for <see cref="Act"/> and the model file.
    /// </summary>
    public void Learn(long totalSteps, Action<TrainingProgress>? progress = null, TimeProvider? time = null, CancellationToken cancel = default)
    {
        time ??= TimeProvider.System;
        int nEnvs = _config.NEnvs, nSteps = _config.NSteps, batch = nEnvs * nSteps;
        int mb = Math.Min(_config.BatchSize, batch);
        int policyOut = _policy.OutputSize;
        var venv = new VectorEnvironment(() => ClassicControlCatalog.Make(EnvironmentId), nEnvs);
        VecNormalize? norm = _config.Normalize ? new VecNormalize(venv, gamma: _config.Gamma) : null;
        IVectorEnvironment env = norm ?? (IVectorEnvironment)venv;
        env.Reset(Seed);

        // Rollout storage, row k = t·nEnvs + i, and minibatch scratch: allocated once.
        var obs = new float[batch * _obsSize];
        var actions = new float[batch * _actSize];
        var stepActions = new float[nEnvs * _actSize];
        var logProbs = new float[batch];
        var values = new float[batch];
        var rewards = new float[batch];
        var dones = new bool[batch];
        var advantages = new float[batch];
        var returns = new float[batch];
        var lastValues = new float[nEnvs];
        var finalObs = new float[nEnvs * _obsSize];
        var finalRows = new int[nEnvs];
        var order = new int[batch];
        var mbObs = new float[mb * _obsSize];
        var mbAdv = new float[mb];
        var gradPolicy = new float[mb * policyOut];
        var gradValue = new float[mb];
        long start = time.GetTimestamp();
        long updates = (totalSteps + batch - 1) / batch;

        for (long update = 0; update < updates; update++)
        {
            cancel.ThrowIfCancellationRequested();

            // 1. Rollout: T steps of every environment with the current policy.
            for (int t = 0; t < nSteps; t++)
            {
                Span<float> obsRow = obs.AsSpan(t * nEnvs * _obsSize, nEnvs * _obsSize);
                env.Observations.CopyTo(obsRow);
                ReadOnlySpan<float> pout = _policy.Forward(obsRow, nEnvs);
                for (int i = 0; i < nEnvs; i++)
                {
                    int k = (t * nEnvs) + i;
                    ReadOnlySpan<float> head = pout.Slice(i * policyOut, policyOut);
                    Span<float> a = actions.AsSpan(k * _actSize, _actSize);
                    if (_discrete)
                    {
                        int choice = Categorical.Sample(head, _random);
                        a[0] = choice;
                        logProbs[k] = Categorical.Evaluate(head, choice).LogProbability;
                        stepActions[i] = choice;
                    }
                    else
                    {
                        DiagonalGaussian.Sample(head, _logStd, _random, a);
                        logProbs[k] = DiagonalGaussian.Evaluate(head, _logStd, a).LogProbability;
                        for (int j = 0; j < _actSize; j++)
                        {
                            stepActions[(i * _actSize) + j] = Math.Clamp(a[j], _actionLow[j], _actionHigh[j]);
                        }
                    }
                }
                ReadOnlySpan<float> vout = _value.Forward(obsRow, nEnvs);
                vout.CopyTo(values.AsSpan(t * nEnvs, nEnvs));

                env.Step(stepActions);
                int truncatedCount = 0;
                for (int i = 0; i < nEnvs; i++)
                {
                    int k = (t * nEnvs) + i;
                    rewards[k] = env.Rewards[i];
                    dones[k] = env.Terminated[i] || env.Truncated[i];
                    if (env.Truncated[i] && !env.Terminated[i])
                    {
                        env.FinalObservations.Slice(i * _obsSize, _obsSize).CopyTo(finalObs.AsSpan(truncatedCount * _obsSize, _obsSize));
                        finalRows[truncatedCount++] = k;
                    }
                }

                // Truncation is not termination: bootstrap r += γ·V(final observation).
                if (truncatedCount > 0)
                {
                    ReadOnlySpan<float> vf = _value.Forward(finalObs, truncatedCount);
                    for (int j = 0; j < truncatedCount; j++)
                    {
                        rewards[finalRows[j]] += (float)(_config.Gamma * vf[j]);
                    }
                }
            }
            StepsTrained += batch;
            _value.Forward(env.Observations, nEnvs).CopyTo(lastValues);

            // 2. GAE(λ) advantages and returns.
            Gae.Compute(nSteps, nEnvs, rewards, values, dones, lastValues, _config.Gamma, _config.GaeLambda, advantages, returns);

            // 3. Optimise: epochs × shuffled minibatches.
            double progressRemaining = Math.Max(0, 1 - ((double)StepsTrained / totalSteps));
            float clip = (float)_config.ClipRange.Value(progressRemaining);
            _optimizer.LearningRate = _config.LearningRate.Value(progressRemaining);
            for (int epoch = 0; epoch < _config.NEpochs; epoch++)
            {
                for (int i = 0; i < batch; i++)
                {
                    order[i] = i;
                }
                for (int i = batch - 1; i > 0; i--)
                {
                    int j = _random.NextInt(i + 1);
                    (order[i], order[j]) = (order[j], order[i]);
                }
                for (int s0 = 0; s0 < batch; s0 += mb)
                {
                    int m = Math.Min(mb, batch - s0);
                    ReadOnlySpan<int> idx = order.AsSpan(s0, m);

                    // 3a. Gather the minibatch; normalise its advantages.
                    double mean = 0, sq = 0;
                    for (int j = 0; j < m; j++)
                    {
                        int k = idx[j];
                        obs.AsSpan(k * _obsSize, _obsSize).CopyTo(mbObs.AsSpan(j * _obsSize, _obsSize));
                        mbAdv[j] = advantages[k];
                        mean += advantages[k];
                    }
                    mean /= m;
                    for (int j = 0; j < m; j++)
                    {
                        sq += (mbAdv[j] - mean) * (mbAdv[j] - mean);
                    }
                    if (_config.NormalizeAdvantage && m > 1)
                    {
                        double std = Math.Sqrt(sq / (m - 1));
                        for (int j = 0; j < m; j++)
                        {
                            mbAdv[j] = (float)((mbAdv[j] - mean) / (std + 1e-8));
                        }
                    }
                    _optimizer.ZeroGradients();

                    // 3b. Policy: loss = mean(max(−A·ρ, −A·clip(ρ, 1 ± ε))) − c_ent·mean(H); ρ = exp(log π − log π_old).
                    ReadOnlySpan<float> pout = _policy.Forward(mbObs, m);
                    for (int j = 0; j < m; j++)
                    {
                        int k = idx[j];
                        ReadOnlySpan<float> head = pout.Slice(j * policyOut, policyOut);
                        Span<float> g = gradPolicy.AsSpan(j * policyOut, policyOut);
                        float logp = _discrete
                            ? Categorical.Evaluate(head, (int)actions[k]).LogProbability
                            : DiagonalGaussian.Evaluate(head, _logStd, actions.AsSpan(k * _actSize, _actSize)).LogProbability;
                        float ratio = MathF.Exp(logp - logProbs[k]);
                        float adv = mbAdv[j];
                        float unclipped = -adv * ratio;
                        float clipped = -adv * Math.Clamp(ratio, 1 - clip, 1 + clip);
                        float wLogProb = unclipped >= clipped ? -adv * ratio / m : 0f;
                        float wEntropy = (float)(-_config.EntCoef / m);
                        if (_discrete)
                        {
                            Categorical.Backward(head, (int)actions[k], wLogProb, wEntropy, g);
                        }
                        else
                        {
                            DiagonalGaussian.Backward(head, _logStd, actions.AsSpan(k * _actSize, _actSize), wLogProb, wEntropy, g, _gradLogStd);
                        }
                    }
                    _policy.Backward(gradPolicy, m);

                    // 3c. Value: loss = c_vf·mean((R − V)²), with the change of V clipped when clip_range_vf is set.
                    ReadOnlySpan<float> vout = _value.Forward(mbObs, m);
                    float vfScale = (float)(_config.VfCoef * 2 / m);
                    for (int j = 0; j < m; j++)
                    {
                        int k = idx[j];
                        float v = vout[j];
                        if (_config.ClipRangeVf is double cvf)
                        {
                            float delta = v - values[k];
                            bool inside = Math.Abs(delta) <= cvf;
                            v = values[k] + Math.Clamp(delta, (float)-cvf, (float)cvf);
                            gradValue[j] = inside ? vfScale * (v - returns[k]) : 0f;
                        }
                        else
                        {
                            gradValue[j] = vfScale * (v - returns[k]);
                        }
                    }
                    _value.Backward(gradValue, m);

                    // 3d. One Adam step on the clipped global gradient.
                    _optimizer.ClipGradientNorm(_config.MaxGradNorm);
                    _optimizer.Step();
                }
            }

            double seconds = time.GetElapsedTime(start).TotalSeconds;
            progress?.Invoke(new TrainingProgress(StepsTrained, totalSteps, seconds, StepsTrained / Math.Max(seconds, 1e-9), env.Statistics.EpisodeCount, env.Statistics.RecentMeanReturn));
        }
        _normalization = norm?.Save();
    }

    /// <inheritdoc/>
    public void Act(ReadOnlySpan<float> observation, Span<float> action, bool deterministic)
    {
        observation.CopyTo(_actObs);
        _normalization?.NormalizeObservation(_actObs);
        ReadOnlySpan<float> head = _policy.Forward(_actObs, 1);
        if (_discrete)
        {
            action[0] = deterministic ? Categorical.ArgMax(head) : Categorical.Sample(head, _random);
            return;
        }
        if (deterministic)
        {
            head.CopyTo(action);
        }
        else
        {
            DiagonalGaussian.Sample(head, _logStd, _random, action);
        }
        for (int j = 0; j < _actSize; j++)
        {
            action[j] = Math.Clamp(action[j], _actionLow[j], _actionHigh[j]);
        }
    }

    /// <inheritdoc/>
    public void Save(string path)
    {
        var tensors = new List<(string, float[])>();
        AddNetwork(tensors, "policy", _policy);
        AddNetwork(tensors, "value", _value);
        tensors.Add(("log_std", _logStd));
        var header = new ModelHeader(Algorithm, EnvironmentId, JsonSerializer.SerializeToElement(_config, ModelFile.Json), _normalization,
            new Dictionary<string, int[]> { ["policy"] = [.. _policy.Sizes], ["value"] = [.. _value.Sizes] }, StepsTrained);
        ModelFile.Save(path, header, tensors);
    }

    /// <summary>Restores an agent saved with <see cref="Save"/>.</summary>
    public static Ppo Load(string path, ModelHeader header, Dictionary<string, float[]> tensors)
    {
        PpoConfig config = header.Config.Deserialize<PpoConfig>(ModelFile.Json) ?? throw new ZeroException($"'{path}' has no PPO config.");
        var agent = new Ppo(header.Environment, config, 0) { StepsTrained = header.StepsTrained };
        RestoreNetwork(tensors, "policy", agent._policy, path);
        RestoreNetwork(tensors, "value", agent._value, path);
        ModelFile.Restore(tensors, "log_std", agent._logStd, path);
        agent._normalization = header.Normalization;
        return agent;
    }

    internal static void AddNetwork(List<(string, float[])> tensors, string name, Mlp net)
    {
        for (int i = 0; i < net.Parameters.Count; i++)
        {
            tensors.Add(($"{name}.{i / 2}.{(i % 2 == 0 ? "weight" : "bias")}", net.Parameters[i]));
        }
    }

    internal static void RestoreNetwork(Dictionary<string, float[]> tensors, string name, Mlp net, string path)
    {
        for (int i = 0; i < net.Parameters.Count; i++)
        {
            ModelFile.Restore(tensors, $"{name}.{i / 2}.{(i % 2 == 0 ? "weight" : "bias")}", net.Parameters[i], path);
        }
    }
}
