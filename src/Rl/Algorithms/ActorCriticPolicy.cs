using Zero.Engine.Autograd;
using Zero.Engine.Models;
using Zero.Engine.Ops;
using Zero.Engine.Optim;
using Zero.Engine.Tensors;
using Zero.Rl.Environments;
using Zero.Rl.Spaces;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace Zero.Rl.Algorithms;

/// <summary>
/// SB3's ActorCriticPolicy for the on-policy algorithms that share it (A2C, TRPO, REINFORCE): a policy MLP (categorical
/// logits for Discrete actions, the mean of a diagonal Gaussian with a state-independent learned log σ for Box actions,
/// or with gSDE the last hidden features θ plus a linear action net and the noise of <see cref="StateDependentNoise"/>),
/// and optionally a separate value MLP. It holds the networks and their three uses: tape-free heads and sampling for
/// the rollout, log π and entropy on a tape for the losses, and deterministic acting; plus the model-file tensors.
/// Nothing here allocates per call after construction.
/// </summary>
internal sealed class ActorCriticPolicy
{
    private readonly RandomSource _random;
    private readonly float[] _actHead;
    private readonly float[] _actLatent;

    /// <summary>Builds the networks for <paramref name="probe"/>'s spaces; <paramref name="withValue"/> adds the value MLP.</summary>
    public ActorCriticPolicy(IEnvironment probe, int[] netArch, string activationFn, bool orthoInit, double logStdInit, bool useSde, bool withValue, RandomSource random, string algorithm)
    {
        _random = random;
        ObsSize = probe.ObservationSpace.FlatSize;
        ActSize = probe.ActionSpace.FlatSize;
        switch (probe.ActionSpace)
        {
            case DiscreteSpace d:
                Discrete = true;
                HeadSize = d.N;
                break;
            case BoxSpace box:
                HeadSize = box.FlatSize;
                Low = box.Low.ToArray();
                High = box.High.ToArray();
                break;
            default:
                throw new ZeroException($"{algorithm} supports Discrete and Box action spaces, not {probe.ActionSpace}.");
        }
        Activation act = Networks.ParseActivation(activationFn);
        if (useSde)
        {
            if (Discrete || netArch.Length == 0)
            {
                throw new ZeroException("use_sde needs Box actions and at least one hidden layer (net_arch): turn it off for discrete actions.");
            }
            Policy = Networks.Create([ObsSize, .. netArch], act, random);
            ActionNet = Networks.Create([netArch[^1], HeadSize], act, random);
            Sde = new StateDependentNoise(netArch[^1], HeadSize, logStdInit);
            LatentSize = netArch[^1];
        }
        else
        {
            Policy = Networks.Create([ObsSize, .. netArch, HeadSize], act, random);
        }
        Value = withValue ? Networks.Create([ObsSize, .. netArch, 1], act, random) : null;
        if (orthoInit)
        {
            InitializeOrthogonal(Policy, ActionNet is null ? 0.01f : MathF.Sqrt(2f));
            if (ActionNet is not null)
            {
                InitializeOrthogonal(ActionNet, 0.01f);
            }
            if (Value is not null)
            {
                InitializeOrthogonal(Value, 1f);
            }
        }
        LogStd = new Tensor(Discrete || Sde is not null ? 0 : HeadSize) { RequiresGrad = !Discrete && Sde is null };
        LogStd.Span.Fill((float)logStdInit);
        PolicyParameters = Sde is not null ? [.. Policy.Parameters(), .. ActionNet!.Parameters(), Sde.LogStd]
            : [.. Policy.Parameters(), .. (Discrete ? Array.Empty<Tensor>() : [LogStd])];
        ValueParameters = Value?.Parameters() ?? [];
        _actHead = new float[HeadSize];
        _actLatent = new float[LatentSize];
    }

    /// <summary>The policy MLP (with gSDE: up to the last hidden layer).</summary>
    public Mlp Policy { get; }

    /// <summary>With gSDE: the linear net from θ to the action mean.</summary>
    public Mlp? ActionNet { get; }

    /// <summary>With gSDE: the state-dependent noise and its learned log σ.</summary>
    public StateDependentNoise? Sde { get; }

    /// <summary>The value MLP, when built.</summary>
    public Mlp? Value { get; }

    /// <summary>The Gaussian's state-independent log σ [A] (empty for Discrete actions and with gSDE).</summary>
    public Tensor LogStd { get; }

    /// <summary>Every tensor the policy's loss trains.</summary>
    public IReadOnlyList<Tensor> PolicyParameters { get; }

    /// <summary>The value network's tensors (empty without one).</summary>
    public IReadOnlyList<Tensor> ValueParameters { get; }

    /// <summary>Discrete (categorical) actions.</summary>
    public bool Discrete { get; }

    /// <summary>Observation size.</summary>
    public int ObsSize { get; }

    /// <summary>Action size as the environment takes it (1 for Discrete).</summary>
    public int ActSize { get; }

    /// <summary>Width of a head row: logits or the Gaussian mean.</summary>
    public int HeadSize { get; }

    /// <summary>With gSDE: width L of θ; 0 otherwise.</summary>
    public int LatentSize { get; }

    /// <summary>Box bounds (empty for Discrete).</summary>
    public float[] Low { get; } = [];

    /// <inheritdoc cref="Low"/>
    public float[] High { get; } = [];

    private void InitializeOrthogonal(Mlp net, float outputGain)
    {
        Random rng = Networks.ChildRandom(_random);
        for (int l = 0; l < net.Layers.Count; l++)
        {
            Init.Orthogonal(net.Layers[l].Weight, rng, l == net.Layers.Count - 1 ? outputGain : MathF.Sqrt(2f));
            net.Layers[l].Bias?.Span.Clear();
        }
    }

    /// <summary>Tape-free heads of <paramref name="b"/> observation rows; with gSDE also θ into <paramref name="latents"/>.</summary>
    public void Heads(ReadOnlySpan<float> obs, int b, Span<float> latents, Span<float> heads)
    {
        if (Sde is null)
        {
            Policy.Predict(obs, b, heads);
            return;
        }
        Policy.Predict(obs, b, latents);
        if (Policy.HiddenActivation == Activation.Tanh)
        {
            TensorPrimitives.Tanh(latents, latents);
        }
        else
        {
            TensorPrimitives.Max(latents, 0f, latents);
        }
        ActionNet!.Predict(latents, b, heads);
    }

    /// <summary>
    /// Draws one action from a head row into <paramref name="action"/> (the raw sample; <see cref="ClipToBounds"/> gives
    /// what the environment takes) and returns its log π. <paramref name="latent"/> and <paramref name="sdeMatrix"/> are used with gSDE only.
    /// </summary>
    public float Sample(ReadOnlySpan<float> head, ReadOnlySpan<float> latent, ReadOnlySpan<float> sdeMatrix, Span<float> action)
    {
        if (Discrete)
        {
            action[0] = ActionSampling.Categorical(head, _random, out float lp);
            return lp;
        }
        return Sde is null ? ActionSampling.Gaussian(head, LogStd.Span, _random, action) : Sde.SampleUnsquashed(head, latent, sdeMatrix, action);
    }

    /// <summary>Box actions clipped to the bounds (SB3 clips what the environment receives, not what is stored); Discrete copied.</summary>
    public void ClipToBounds(ReadOnlySpan<float> raw, Span<float> action)
    {
        for (int j = 0; j < ActSize; j++)
        {
            action[j] = Discrete ? raw[j] : Math.Clamp(raw[j], Low[j], High[j]);
        }
    }

    /// <summary>
    /// On a tape: the head [m, HeadSize] and the log σ of the actions (Box) for observations <paramref name="x"/> [m, obs].
    /// </summary>
    public (Tensor Head, Tensor LogStd) Forward(Tape tape, Tensor x)
    {
        Tensor head = Policy.Forward(tape, x);
        if (Sde is null)
        {
            return (head, LogStd);
        }
        Tensor latent = Policy.HiddenActivation == Activation.Tanh ? tape.Tanh(head) : tape.Relu(head);
        return (ActionNet!.Forward(tape, latent), Sde.ActionLogStd(tape, latent));
    }

    /// <summary>log π [m] of stored actions: <paramref name="discreteActions"/> for Discrete, <paramref name="boxActions"/> [m, A] for Box.</summary>
    public Tensor LogProb(Tape tape, Tensor head, Tensor logStd, int[] discreteActions, Tensor? boxActions) =>
        Discrete ? tape.CategoricalLogProb(head, discreteActions) : tape.GaussianLogProb(head, logStd, boxActions!);

    /// <summary>Entropy per row [m] (Gaussian with a state-independent σ: [A]-shaped, the same for every row).</summary>
    public Tensor Entropy(Tape tape, Tensor head, Tensor logStd) => Discrete ? tape.CategoricalEntropy(head) : tape.GaussianEntropy(logStd);

    /// <summary>One action for an (already normalised) observation: the mode when deterministic, else a sample; Box clipped.</summary>
    public void Act(ReadOnlySpan<float> observation, Span<float> action, bool deterministic)
    {
        Heads(observation, 1, _actLatent, _actHead);
        if (Discrete)
        {
            action[0] = deterministic ? ActionSampling.ArgMax(_actHead) : ActionSampling.Categorical(_actHead, _random, out _);
            return;
        }
        if (deterministic)
        {
            _actHead.CopyTo(action);
        }
        else if (Sde is null)
        {
            ActionSampling.Gaussian(_actHead, LogStd.Span, _random, action);
        }
        else
        {
            Span<float> eps = stackalloc float[LatentSize * ActSize];
            Span<float> w = stackalloc float[LatentSize * ActSize];
            Sde.Resample(_random, eps, w);
            Sde.SampleUnsquashed(_actHead, _actLatent, w, action);
        }
        ClipToBounds(action, action);
    }

    /// <summary>Appends the networks and log σ to the model file's tensors and sizes ("policy", "action_net", "value", "log_std").</summary>
    public void Save(List<(string, float[])> tensors, Dictionary<string, int[]> sizes)
    {
        Networks.Add(tensors, "policy", Policy);
        sizes["policy"] = [.. Policy.Sizes];
        if (Value is not null)
        {
            Networks.Add(tensors, "value", Value);
            sizes["value"] = [.. Value.Sizes];
        }
        if (ActionNet is not null)
        {
            Networks.Add(tensors, "action_net", ActionNet);
            sizes["action_net"] = [.. ActionNet.Sizes];
        }
        tensors.Add(("log_std", (Sde?.LogStd ?? LogStd).ToArray()));
    }

    /// <summary>
    /// Writes a whole model file: these networks plus the header (algorithm, environment, config, observation
    /// statistics, steps trained). The one save path of the agents built on this policy (A2C, TRPO, REINFORCE).
    /// </summary>
    public void SaveModel<TConfig>(string path, string algorithm, string environment, TConfig config, Wrappers.NormalizationState? normalization, long stepsTrained)
    {
        var tensors = new List<(string, float[])>();
        var sizes = new Dictionary<string, int[]>();
        Save(tensors, sizes);
        var header = new ModelHeader(algorithm, environment, System.Text.Json.JsonSerializer.SerializeToElement(config, ModelFile.Json), normalization, sizes, stepsTrained);
        ModelFile.Save(path, header, tensors);
    }

    /// <summary>Restores what <see cref="Save"/> wrote.</summary>
    public void Restore(Dictionary<string, float[]> tensors, string path)
    {
        Networks.Restore(tensors, "policy", Policy, path);
        if (Value is not null)
        {
            Networks.Restore(tensors, "value", Value, path);
        }
        if (ActionNet is not null)
        {
            Networks.Restore(tensors, "action_net", ActionNet, path);
        }
        Networks.Restore(tensors, "log_std", Sde?.LogStd ?? LogStd, path);
    }
}
