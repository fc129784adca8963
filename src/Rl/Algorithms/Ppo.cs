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
/// Proximal Policy Optimization (Schulman et al. 2017) with SB3's defaults and CleanRL's layout: <see cref="Learn"/>
/// reads top to bottom as (1) collect a rollout from the vector environment, bootstrapping time-limit truncations,
/// (2) GAE(λ), (3) epochs of shuffled minibatches with the clipped surrogate, value loss, entropy bonus, advantage
/// normalisation, annealed learning rate and clip range, and global gradient clipping. Separate policy and value
/// MLPs (Zero.Engine <see cref="Mlp"/>, trained on a <see cref="Tape"/>); categorical actions for Discrete spaces, a
/// diagonal Gaussian with a state-independent log σ for Box spaces. Acting uses <see cref="Mlp.Predict(ReadOnlySpan{float}, int, Span{float}, Zero.Engine.Kernels.ComputePool?)"/>
/// (no tape); the update reuses the tape's arena, so a fixed-shape update allocates nothing after its first step.
/// With <see cref="PpoConfig.UseSde"/> (Box actions) the Gaussian's noise is SB3's gSDE instead: a = μ + θ·W, one W per
/// environment held for sde_sample_freq steps (or the rollout), log σ a learned [hidden, action] matrix.
/// </summary>
public sealed class Ppo : IAgent
{
    private readonly PpoConfig _config;
    private readonly Mlp _policy;
    private readonly Mlp? _actionNet;
    private readonly StateDependentNoise? _sde;
    private readonly float[] _actLatent = [];
    private readonly Mlp _value;
    private readonly Tensor _logStd;
    private readonly Adam _optimizer;
    private readonly RandomSource _random;
    private readonly Tape _tape = new();
    private readonly bool _discrete;
    private readonly int _obsSize;
    private readonly int _actSize;
    private readonly float[] _actionLow = [];
    private readonly float[] _actionHigh = [];
    private readonly float[] _actObs;
    private readonly float[] _actHead;
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
        Activation act = Networks.ParseActivation(config.ActivationFn);
        if (config.UseSde)
        {
            if (_discrete || config.NetArch.Length == 0)
            {
                throw new ZeroException("use_sde needs Box actions and at least one hidden layer (net_arch): turn it off for discrete actions.");
            }
            // gSDE: the policy MLP ends at the last hidden layer (θ = activation of it); a separate linear action net gives μ.
            _policy = Networks.Create([_obsSize, .. config.NetArch], act, _random);
            _actionNet = Networks.Create([config.NetArch[^1], policyOut], act, _random);
            _sde = new StateDependentNoise(config.NetArch[^1], policyOut, config.LogStdInit);
            _actLatent = new float[config.NetArch[^1]];
        }
        else
        {
            _policy = Networks.Create([_obsSize, .. config.NetArch, policyOut], act, _random);
        }
        _value = Networks.Create([_obsSize, .. config.NetArch, 1], act, _random);
        if (config.OrthoInit)
        {
            InitializeOrthogonal(_policy, _actionNet is null ? 0.01f : MathF.Sqrt(2f));
            if (_actionNet is not null)
            {
                InitializeOrthogonal(_actionNet, 0.01f);
            }
            InitializeOrthogonal(_value, 1f);
        }
        _logStd = new Tensor(_discrete || _sde is not null ? 0 : policyOut) { RequiresGrad = !_discrete && _sde is null };
        _logStd.Span.Fill((float)config.LogStdInit);
        IReadOnlyList<Tensor> parameters = _sde is not null ? [.. _policy.Parameters(), .. _actionNet!.Parameters(), .. _value.Parameters(), _sde.LogStd]
            : [.. _policy.Parameters(), .. _value.Parameters(), .. (_discrete ? Array.Empty<Tensor>() : [_logStd])];
        _optimizer = new Adam(parameters, (float)config.LearningRate.Value(1), eps: 1e-5f);
        _actObs = new float[_obsSize];
        _actHead = new float[policyOut];
    }

    /// <inheritdoc/>
    public string Algorithm => "ppo";

    /// <inheritdoc/>
    public string EnvironmentId { get; }

    /// <summary>The seed the agent was created with.</summary>
    public int Seed { get; }

    /// <summary>The configuration.</summary>
    public PpoConfig Config => _config;

    /// <inheritdoc/>
    IAgentConfig IAgent.Config => _config;

    /// <summary>Environment steps trained so far.</summary>
    public long StepsTrained { get; private set; }

    /// <inheritdoc/>
    public (long Step, double Mean, int Seed)? KeptEvaluation { get; private set; }

    /// <summary>
    /// SB3's <c>ortho_init</c>: every weight matrix orthogonal with gain √2 for hidden layers and
    /// <paramref name="outputGain"/> for the last one; biases 0.
    /// </summary>
    private void InitializeOrthogonal(Mlp net, float outputGain)
    {
        Random rng = Networks.ChildRandom(_random);
        for (int l = 0; l < net.Layers.Count; l++)
        {
            Init.Orthogonal(net.Layers[l].Weight, rng, l == net.Layers.Count - 1 ? outputGain : MathF.Sqrt(2f));
            net.Layers[l].Bias?.Span.Clear();
        }
    }

    /// <summary>
    /// Trains for <paramref name="totalSteps"/> environment steps (rounded up to whole rollouts), reporting after each
    /// rollout. Observation statistics (when <c>normalize</c> is on) are kept for <see cref="Act"/> and the model file.
    /// </summary>
    public void Learn(long totalSteps, Action<TrainingProgress>? progress = null, TimeProvider? time = null, CancellationToken cancel = default)
    {
        time ??= TimeProvider.System;
        int nEnvs = _config.NEnvs, nSteps = _config.NSteps, batch = nEnvs * nSteps;
        int mb = Math.Min(_config.BatchSize, batch);
        int policyOut = _actionNet?.OutputSize ?? _policy.OutputSize;
        int latentSize = _sde?.Latent ?? 0;
        var latents = new float[nEnvs * latentSize];
        var sdeEps = new float[latentSize * policyOut];
        var sdeMatrices = new float[nEnvs * latentSize * policyOut];
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
        var finalValues = new float[nEnvs];
        var finalRows = new int[nEnvs];
        var heads = new float[nEnvs * policyOut];
        var order = new int[batch];
        var mbAdv = new float[mb];
        var mbActions = new int[mb];
        long start = time.GetTimestamp();
        long updates = (totalSteps + batch - 1) / batch;
        BestWeights? best = _config.EvalFreq > 0 ? new BestWeights(this, _optimizer.Parameters, _config.EvalEpisodes) : null;

        for (long update = 0; update < updates; update++)
        {
            cancel.ThrowIfCancellationRequested();

            // 1. Rollout: T steps of every environment with the current policy.
            for (int t = 0; t < nSteps; t++)
            {
                Span<float> obsRow = obs.AsSpan(t * nEnvs * _obsSize, nEnvs * _obsSize);
                env.Observations.CopyTo(obsRow);
                if (_sde is not null)
                {
                    // gSDE: each environment's W is redrawn at the rollout's start and every sde_sample_freq steps.
                    if (t == 0 || (_config.SdeSampleFreq > 0 && t % _config.SdeSampleFreq == 0))
                    {
                        for (int i = 0; i < nEnvs; i++)
                        {
                            _sde.Resample(_random, sdeEps, sdeMatrices.AsSpan(i * sdeEps.Length, sdeEps.Length));
                        }
                    }
                    SdeHeads(obsRow, nEnvs, latents, heads);
                }
                else
                {
                    _policy.Predict(obsRow, nEnvs, heads);
                }
                for (int i = 0; i < nEnvs; i++)
                {
                    int k = (t * nEnvs) + i;
                    ReadOnlySpan<float> head = heads.AsSpan(i * policyOut, policyOut);
                    Span<float> a = actions.AsSpan(k * _actSize, _actSize);
                    if (_discrete)
                    {
                        int choice = ActionSampling.Categorical(head, _random, out logProbs[k]);
                        a[0] = choice;
                        stepActions[i] = choice;
                    }
                    else
                    {
                        logProbs[k] = _sde is null ? ActionSampling.Gaussian(head, _logStd.Span, _random, a)
                            : _sde.SampleUnsquashed(head, latents.AsSpan(i * latentSize, latentSize), sdeMatrices.AsSpan(i * sdeEps.Length, sdeEps.Length), a);
                        for (int j = 0; j < _actSize; j++)
                        {
                            stepActions[(i * _actSize) + j] = Math.Clamp(a[j], _actionLow[j], _actionHigh[j]);
                        }
                    }
                }
                _value.Predict(obsRow, nEnvs, values.AsSpan(t * nEnvs, nEnvs));

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
                    _value.Predict(finalObs.AsSpan(0, truncatedCount * _obsSize), truncatedCount, finalValues.AsSpan(0, truncatedCount));
                    for (int j = 0; j < truncatedCount; j++)
                    {
                        rewards[finalRows[j]] += (float)(_config.Gamma * finalValues[j]);
                    }
                }
            }
            StepsTrained += batch;
            _value.Predict(env.Observations, nEnvs, lastValues);

            // 2. GAE(λ) advantages and returns.
            Gae.Compute(nSteps, nEnvs, rewards, values, dones, lastValues, _config.Gamma, _config.GaeLambda, advantages, returns);

            // 3. Optimise: epochs × shuffled minibatches.
            double progressRemaining = Math.Max(0, 1 - ((double)StepsTrained / totalSteps));
            float clip = (float)_config.ClipRange.Value(progressRemaining);
            _optimizer.LearningRate = (float)_config.LearningRate.Value(progressRemaining);
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

                    // 3a. Gather the minibatch into the tape's arena; normalise its advantages.
                    _tape.Reset();
                    Tensor x = _tape.Alloc([m, _obsSize]);
                    Tensor oldLogp = _tape.Alloc([m]);
                    Tensor adv = _tape.Alloc([m]);
                    Tensor ret = _tape.Alloc([m, 1]);
                    Tensor oldValue = _tape.Alloc([m, 1]);
                    Tensor? act = _discrete ? null : _tape.Alloc([m, _actSize]);
                    double mean = 0, sq = 0;
                    for (int j = 0; j < m; j++)
                    {
                        int k = idx[j];
                        obs.AsSpan(k * _obsSize, _obsSize).CopyTo(x.Span.Slice(j * _obsSize, _obsSize));
                        if (act is null)
                        {
                            mbActions[j] = (int)actions[k];
                        }
                        else
                        {
                            actions.AsSpan(k * _actSize, _actSize).CopyTo(act.Span.Slice(j * _actSize, _actSize));
                        }
                        oldLogp[j] = logProbs[k];
                        ret[j] = returns[k];
                        oldValue[j] = values[k];
                        mbAdv[j] = advantages[k];
                        mean += advantages[k];
                    }
                    mean /= m;
                    for (int j = 0; j < m; j++)
                    {
                        sq += (mbAdv[j] - mean) * (mbAdv[j] - mean);
                    }
                    bool normalize = _config.NormalizeAdvantage && m > 1;
                    double std = normalize ? Math.Sqrt(sq / (m - 1)) : 0;
                    for (int j = 0; j < m; j++)
                    {
                        adv[j] = normalize ? (float)((mbAdv[j] - mean) / (std + 1e-8)) : mbAdv[j];
                    }

                    // 3b. Policy: loss = −mean(min(A·ρ, A·clip(ρ, 1 ± ε))) − c_ent·mean(H); ρ = exp(log π − log π_old).
                    Tensor head = _policy.Forward(_tape, x);
                    Tensor logStd = _logStd;
                    if (_sde is not null)
                    {
                        // gSDE: μ from the action net on θ; log σ of the action from Var = θ²·σ² (θ detached).
                        Tensor latent = HiddenActivation(head);
                        head = _actionNet!.Forward(_tape, latent);
                        logStd = _sde.ActionLogStd(_tape, latent);
                    }
                    Tensor logp = act is null ? _tape.CategoricalLogProb(head, mbActions) : _tape.GaussianLogProb(head, logStd, act);
                    Tensor ratio = _tape.Exp(_tape.Sub(logp, oldLogp));
                    Tensor surrogate = _tape.Minimum(_tape.Mul(ratio, adv), _tape.Mul(_tape.Clamp(ratio, 1 - clip, 1 + clip), adv));
                    Tensor loss = _tape.Neg(_tape.Mean(surrogate));
                    if (_config.EntCoef != 0)
                    {
                        Tensor entropy = _tape.Mean(act is null ? _tape.CategoricalEntropy(head) : _tape.GaussianEntropy(logStd));
                        loss = _tape.Sub(loss, _tape.Scale(entropy, (float)_config.EntCoef));
                    }

                    // 3c. Value: loss += c_vf·mean((R − V)²), with the change of V clipped when clip_range_vf is set.
                    Tensor v = _value.Forward(_tape, x);
                    if (_config.ClipRangeVf is double cvf)
                    {
                        v = _tape.Add(oldValue, _tape.Clamp(_tape.Sub(v, oldValue), (float)-cvf, (float)cvf));
                    }
                    loss = _tape.Add(loss, _tape.Scale(_tape.Mse(v, ret), (float)_config.VfCoef));

                    // 3d. One Adam step on the clipped global gradient.
                    _optimizer.ZeroGrad();
                    _tape.Backward(loss);
                    GradientClipping.ClipGlobalNorm(_optimizer.Parameters, (float)_config.MaxGradNorm);
                    _optimizer.Step();
                }
            }

            // 4. Periodic deterministic evaluation (eval_freq > 0) after the update that crosses a multiple of eval_freq.
            if (best is not null && StepsTrained / _config.EvalFreq > (StepsTrained - batch) / _config.EvalFreq)
            {
                _normalization = norm?.Save();
                best.Evaluate(StepsTrained, _normalization);
            }

            double seconds = time.GetElapsedTime(start).TotalSeconds;
            progress?.Invoke(new TrainingProgress(StepsTrained, totalSteps, seconds, StepsTrained / Math.Max(seconds, 1e-9), env.Statistics.EpisodeCount, env.Statistics.RecentMeanReturn));
        }
        _normalization = norm?.Save();

        // 5. With evaluations, end on the best-scoring weights and their observation statistics (the final weights are
        //    evaluated if the last update was not).
        if (best is not null && StepsTrained > 0)
        {
            KeptEvaluation = best.Finish(StepsTrained, _normalization);
            _normalization = best.KeptNormalization;
        }
    }

    private Tensor HiddenActivation(Tensor x) => _policy.HiddenActivation == Activation.Tanh ? _tape.Tanh(x) : _tape.Relu(x);

    /// <summary>gSDE heads without a tape: θ = activation(last hidden layer) [b, L] and μ = action net(θ) [b, A].</summary>
    private void SdeHeads(ReadOnlySpan<float> obs, int b, Span<float> latent, Span<float> mean)
    {
        _policy.Predict(obs, b, latent);
        if (_policy.HiddenActivation == Activation.Tanh)
        {
            System.Numerics.Tensors.TensorPrimitives.Tanh(latent, latent);
        }
        else
        {
            System.Numerics.Tensors.TensorPrimitives.Max(latent, 0f, latent);
        }
        _actionNet!.Predict(latent, b, mean);
    }

    /// <inheritdoc/>
    public void Act(ReadOnlySpan<float> observation, Span<float> action, bool deterministic)
    {
        observation.CopyTo(_actObs);
        _normalization?.NormalizeObservation(_actObs);
        if (_sde is not null)
        {
            // Deterministic acting is the mean; a stochastic Act draws a fresh W (no rollout to hold it over).
            SdeHeads(_actObs, 1, _actLatent, _actHead);
            if (deterministic)
            {
                _actHead.CopyTo(action);
            }
            else
            {
                Span<float> eps = stackalloc float[_actLatent.Length * _actSize];
                Span<float> w = stackalloc float[_actLatent.Length * _actSize];
                _sde.Resample(_random, eps, w);
                _sde.SampleUnsquashed(_actHead, _actLatent, w, action);
            }
            for (int j = 0; j < _actSize; j++)
            {
                action[j] = Math.Clamp(action[j], _actionLow[j], _actionHigh[j]);
            }
            return;
        }
        _policy.Predict(_actObs, _actHead);
        if (_discrete)
        {
            action[0] = deterministic ? ActionSampling.ArgMax(_actHead) : ActionSampling.Categorical(_actHead, _random, out _);
            return;
        }
        if (deterministic)
        {
            _actHead.CopyTo(action);
        }
        else
        {
            ActionSampling.Gaussian(_actHead, _logStd.Span, _random, action);
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
        Networks.Add(tensors, "policy", _policy);
        Networks.Add(tensors, "value", _value);
        var sizes = new Dictionary<string, int[]> { ["policy"] = [.. _policy.Sizes], ["value"] = [.. _value.Sizes] };
        if (_sde is not null)
        {
            Networks.Add(tensors, "action_net", _actionNet!);
            sizes["action_net"] = [.. _actionNet!.Sizes];
        }
        tensors.Add(("log_std", (_sde?.LogStd ?? _logStd).ToArray()));
        var header = new ModelHeader(Algorithm, EnvironmentId, JsonSerializer.SerializeToElement(_config, ModelFile.Json), _normalization, sizes, StepsTrained);
        ModelFile.Save(path, header, tensors);
    }

    /// <summary>Restores an agent saved with <see cref="Save"/>.</summary>
    public static Ppo Load(string path, ModelHeader header, Dictionary<string, float[]> tensors)
    {
        PpoConfig config = header.Config.Deserialize<PpoConfig>(ModelFile.Json) ?? throw new ZeroException($"'{path}' has no PPO config.");
        var agent = new Ppo(header.Environment, config, 0) { StepsTrained = header.StepsTrained };
        Networks.Restore(tensors, "policy", agent._policy, path);
        Networks.Restore(tensors, "value", agent._value, path);
        if (agent._sde is not null)
        {
            Networks.Restore(tensors, "action_net", agent._actionNet!, path);
        }
        Networks.Restore(tensors, "log_std", agent._sde?.LogStd ?? agent._logStd, path);
        agent._normalization = header.Normalization;
        return agent;
    }
}
