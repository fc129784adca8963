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
/// Trust Region Policy Optimization (Schulman et al. 2015) as sb3-contrib's TRPO. <see cref="Learn"/> reads (1) collect
/// a rollout (<see cref="OnPolicyRollout"/>) and GAE(λ); (2) the policy step <see cref="PolicyStep"/>: g = ∇ of the
/// surrogate mean(A·π/π_old), the natural-gradient direction s ≈ F⁻¹g by conjugate gradient on Fisher-vector products,
/// the largest step β = √(2δ / sᵀFs), then a backtracking line search that accepts the first θ_old + αβs whose mean
/// KL(π_new ‖ π_old) is below δ and whose surrogate improved (otherwise θ stays); (3) n_critic_updates epochs of Adam
/// on the value MSE.
/// Fisher-vector products: the tape engine has no double backward (its backward pass is not itself recorded), so
/// F·v is the Hessian of the mean KL at θ_old applied to v by central finite differences of tape gradients,
/// (∇KL(θ_old + εv) − ∇KL(θ_old − εv)) / 2ε with ‖εv‖ = 10⁻², plus damping·v (sb3-contrib adds the same damping to its
/// double-backward product). A test checks vᵀFv against second differences of the KL itself.
/// </summary>
public sealed class Trpo : IAgent
{
    /// <summary>Norm of the parameter perturbation εv of the finite-difference Fisher-vector product.</summary>
    private const double FvpStep = 1e-2;

    private readonly TrpoConfig _config;
    private readonly ActorCriticPolicy _net;
    private readonly Adam _valueOptimizer;
    private readonly RandomSource _random;
    private readonly IReadOnlyList<Tensor> _actorParameters;
    private readonly int _parameterCount;
    private readonly Tape _objectiveTape = new(), _klTape = new(), _valueTape = new();
    private readonly float[] _actObs;
    private readonly double[] _theta0, _g, _s, _r, _p, _ap, _gradPlus, _gradMinus;
    private NormalizationState? _normalization;
    private Batch? _batch;

    /// <summary>Creates an untrained agent for <paramref name="environment"/>; <paramref name="seed"/> fixes initialisation and exploration.</summary>
    public Trpo(string environment, TrpoConfig config, int seed)
    {
        var entry = ClassicControlCatalog.Find(environment);
        EnvironmentId = entry.Id;
        _config = config;
        _random = new RandomSource(seed);
        Seed = seed;
        _net = new ActorCriticPolicy(entry.Create(), config.NetArch, config.ActivationFn, config.OrthoInit, config.LogStdInit, config.UseSde, withValue: true, _random, "TRPO");
        _actorParameters = _net.PolicyParameters;
        _parameterCount = _actorParameters.Sum(p => p.Length);
        _valueOptimizer = new Adam(_net.ValueParameters, (float)config.LearningRate.Value(1), eps: 1e-5f);
        _actObs = new float[_net.ObsSize];
        _theta0 = new double[_parameterCount];
        _g = new double[_parameterCount];
        _s = new double[_parameterCount];
        _r = new double[_parameterCount];
        _p = new double[_parameterCount];
        _ap = new double[_parameterCount];
        _gradPlus = new double[_parameterCount];
        _gradMinus = new double[_parameterCount];
    }

    /// <inheritdoc/>
    public string Algorithm => "trpo";

    /// <inheritdoc/>
    public string EnvironmentId { get; }

    /// <inheritdoc/>
    public int Seed { get; }

    /// <summary>The configuration.</summary>
    public TrpoConfig Config => _config;

    /// <inheritdoc/>
    IAgentConfig IAgent.Config => _config;

    /// <summary>The policy and value networks (tests build rollouts and gradient checks on them).</summary>
    internal ActorCriticPolicy Policy => _net;

    /// <inheritdoc/>
    public long StepsTrained { get; private set; }

    /// <inheritdoc/>
    public (long Step, double Mean, int Seed)? KeptEvaluation { get; private set; }

    /// <summary>The last policy step: mean KL(π_new ‖ π_old) on its rollout, surrogate gain, and whether the line search accepted a step.</summary>
    public (double Kl, double Improvement, bool Accepted) LastPolicyStep { get; private set; }

    /// <summary>Number of actor parameters (the length of the vectors the conjugate gradient works on).</summary>
    internal int ParameterCount => _parameterCount;

    /// <summary>The rollout as tensors and the old policy's distribution, allocated once per <see cref="Learn"/>.</summary>
    private sealed class Batch
    {
        public Batch(int m, ActorCriticPolicy net)
        {
            Size = m;
            X = new Tensor(m, net.ObsSize);
            Advantages = new Tensor(m);
            OldLogProb = new Tensor(m);
            Actions = net.Discrete ? null : new Tensor(m, net.ActSize);
            DiscreteActions = new int[m];
            OldLogSoftmax = net.Discrete ? new Tensor(m, net.HeadSize) : null;
            OldMean = net.Discrete ? null : new Tensor(m, net.HeadSize);
            OldInverseTwoVariance = net.Discrete ? null : net.Sde is null ? new Tensor(net.HeadSize) : new Tensor(m, net.HeadSize);
            Order = new int[m];
        }

        public int Size { get; }
        public Tensor X { get; }
        public Tensor Advantages { get; }
        public Tensor OldLogProb { get; }
        public Tensor? Actions { get; }
        public int[] DiscreteActions { get; }
        public Tensor? OldLogSoftmax { get; }
        public Tensor? OldMean { get; }
        public Tensor? OldInverseTwoVariance { get; }
        public float KlConstant { get; set; }
        public int[] Order { get; }
    }

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
        BestWeights? best = _config.EvalFreq > 0 ? new BestWeights(this, [.. _actorParameters, .. _net.ValueParameters], _config.EvalEpisodes) : null;

        for (long update = 0; update < updates; update++)
        {
            cancel.ThrowIfCancellationRequested();
            rollout.Collect(_config.Gamma);
            StepsTrained += batch;
            rollout.ComputeAdvantages(_config.Gamma, _config.GaeLambda);
            _valueOptimizer.LearningRate = (float)_config.LearningRate.Value(Math.Max(0, 1 - ((double)StepsTrained / totalSteps)));
            PrepareUpdate(rollout);
            PolicyStep();
            FitValue(rollout);

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

    /// <summary>Copies the rollout into the batch tensors (advantages normalised) and records the current policy as π_old.</summary>
    internal void PrepareUpdate(OnPolicyRollout rollout)
    {
        int m = rollout.Size;
        if (_batch is null || _batch.Size != m)
        {
            _batch = new Batch(m, _net);
        }
        Batch b = _batch;
        rollout.Obs.AsSpan(0, m * _net.ObsSize).CopyTo(b.X.Span);
        rollout.Advantages.AsSpan(0, m).CopyTo(b.Advantages.Span);
        if (_config.NormalizeAdvantage && m > 1)
        {
            A2c.Normalize(b.Advantages.Span);
        }
        rollout.LogProbs.AsSpan(0, m).CopyTo(b.OldLogProb.Span);
        rollout.DiscreteActions.AsSpan(0, m).CopyTo(b.DiscreteActions);
        if (b.Actions is not null)
        {
            rollout.Actions.AsSpan(0, m * _net.ActSize).CopyTo(b.Actions.Span);
        }

        // π_old: log-softmax of the logits, or the Gaussian's mean and 1/(2σ²) with the KL's constant Σ log σ_old − ½·m·A.
        _objectiveTape.Reset();
        (Tensor head, Tensor logStd) = _net.Forward(_objectiveTape, b.X);
        int h = _net.HeadSize;
        if (_net.Discrete)
        {
            Span<float> lsm = b.OldLogSoftmax!.Span;
            ReadOnlySpan<float> z = head.Span;
            for (int i = 0; i < m; i++)
            {
                ReadOnlySpan<float> row = z.Slice(i * h, h);
                float max = System.Numerics.Tensors.TensorPrimitives.Max(row);
                double sum = 0;
                foreach (float v in row)
                {
                    sum += Math.Exp(v - max);
                }
                float logSum = max + (float)Math.Log(sum);
                for (int j = 0; j < h; j++)
                {
                    lsm[(i * h) + j] = row[j] - logSum;
                }
            }
        }
        else
        {
            head.Span.CopyTo(b.OldMean!.Span);
            Span<float> c = b.OldInverseTwoVariance!.Span;
            ReadOnlySpan<float> ls = logStd.Span;
            double sumLogStd = 0;
            for (int i = 0; i < c.Length; i++)
            {
                c[i] = 0.5f * MathF.Exp(-2f * ls[i]);
                sumLogStd += ls[i];
            }
            double rows = c.Length == h ? m : 1;
            b.KlConstant = (float)((rows * sumLogStd) - (0.5 * m * h));
        }
    }

    /// <summary>The surrogate objective mean(A·exp(log π − log π_old)) on the prepared batch (to maximise).</summary>
    internal Tensor Surrogate(Tape tape)
    {
        Batch b = _batch!;
        (Tensor head, Tensor logStd) = _net.Forward(tape, b.X);
        Tensor logp = _net.LogProb(tape, head, logStd, b.DiscreteActions, b.Actions);
        return tape.Mean(tape.Mul(tape.Exp(tape.Sub(logp, b.OldLogProb)), b.Advantages));
    }

    /// <summary>
    /// Mean KL(π_θ ‖ π_old) over the prepared batch: categorical Σ p(log p − log p_old); diagonal Gaussian
    /// Σ_k log σ_old − log σ + (σ² + (μ − μ_old)²)/(2σ_old²) − ½.
    /// </summary>
    internal Tensor Kl(Tape tape)
    {
        Batch b = _batch!;
        int m = b.Size;
        (Tensor head, Tensor logStd) = _net.Forward(tape, b.X);
        if (_net.Discrete)
        {
            Tensor lsm = tape.LogSoftmax(head);
            return tape.Scale(tape.Sum(tape.Mul(tape.Exp(lsm), tape.Sub(lsm, b.OldLogSoftmax!))), 1f / m);
        }
        Tensor c = b.OldInverseTwoVariance!;
        Tensor quadratic = tape.Sum(tape.Mul(tape.Square(tape.Sub(head, b.OldMean!)), c));
        Tensor spread = tape.Sum(tape.Sub(tape.Mul(tape.Exp(tape.Scale(logStd, 2f)), c), logStd));
        float rows = logStd.Length == _net.HeadSize ? m : 1;
        return tape.Scale(tape.AddScalar(tape.Add(quadratic, tape.Scale(spread, rows)), b.KlConstant), 1f / m);
    }

    /// <summary>
    /// The natural-gradient step: g, conjugate gradient, maximal step, line search on KL and surrogate (sb3-contrib's
    /// train(), policy half). Sets <see cref="LastPolicyStep"/>.
    /// </summary>
    internal void PolicyStep()
    {
        // 1. g = ∇ surrogate at θ_old.
        _objectiveTape.Reset();
        Tensor objective = Surrogate(_objectiveTape);
        double before = objective[0];
        ZeroActorGradients();
        _objectiveTape.Backward(objective);
        FlatGradient(_g);
        GetParameters(_theta0);

        // 2. s ≈ (F + damping·I)⁻¹ g by conjugate gradient (sb3-contrib's conjugate_gradient_solver).
        ConjugateGradient(_g, _s);

        // 3. β = √(2δ / sᵀ(F + damping·I)s).
        FisherVectorProduct(_s, _ap);
        double sFs = Dot(_s, _ap);
        double beta = sFs > 0 ? Math.Sqrt(2 * _config.TargetKl / sFs) : 0;

        // 4. Line search: the first α ∈ {1, f, f², …} with KL < δ and a better surrogate.
        double alpha = 1, kl = 0, after = before;
        bool accepted = false;
        for (int i = 0; i < _config.LineSearchMaxIter && beta > 0; i++)
        {
            SetParameters(_theta0, alpha * beta, _s);
            _objectiveTape.Reset();
            after = Surrogate(_objectiveTape)[0];
            _klTape.Reset();
            kl = Kl(_klTape)[0];
            if (kl < _config.TargetKl && after > before)
            {
                accepted = true;
                break;
            }
            alpha *= _config.LineSearchShrinkingFactor;
        }
        if (!accepted)
        {
            SetParameters(_theta0, 0, _s);
            kl = 0;
            after = before;
        }
        LastPolicyStep = (kl, after - before, accepted);
    }

    /// <summary>x ≈ A⁻¹b with A = F + damping·I, cg_max_steps iterations (stops early when the residual's square falls below 1e-10).</summary>
    private void ConjugateGradient(double[] b, double[] x)
    {
        Array.Clear(x);
        b.CopyTo(_r, 0);
        b.CopyTo(_p, 0);
        double rr = Dot(_r, _r);
        for (int i = 0; i < _config.CgMaxSteps; i++)
        {
            FisherVectorProduct(_p, _ap);
            double pAp = Dot(_p, _ap);
            if (!(pAp > 0))
            {
                return;
            }
            double alpha = rr / pAp;
            for (int k = 0; k < x.Length; k++)
            {
                x[k] += alpha * _p[k];
            }
            if (i == _config.CgMaxSteps - 1)
            {
                return;
            }
            for (int k = 0; k < x.Length; k++)
            {
                _r[k] -= alpha * _ap[k];
            }
            double next = Dot(_r, _r);
            if (next < 1e-10)
            {
                return;
            }
            double betaCg = next / rr;
            rr = next;
            for (int k = 0; k < x.Length; k++)
            {
                _p[k] = _r[k] + (betaCg * _p[k]);
            }
        }
    }

    /// <summary>
    /// (F + damping·I)·v at θ_old (the parameters saved in the policy step, which must be current): F·v by central
    /// differences of ∇KL along v, ‖εv‖ = 10⁻². Leaves the parameters at θ_old.
    /// </summary>
    internal void FisherVectorProduct(double[] v, double[] result)
    {
        double norm = Math.Sqrt(Dot(v, v));
        if (norm == 0)
        {
            Array.Clear(result);
            return;
        }
        double eps = FvpStep / norm;
        GetParameters(_theta0);
        KlGradientAt(eps, v, _gradPlus);
        KlGradientAt(-eps, v, _gradMinus);
        SetParameters(_theta0, 0, v);
        for (int k = 0; k < result.Length; k++)
        {
            result[k] = ((_gradPlus[k] - _gradMinus[k]) / (2 * eps)) + (_config.CgDamping * v[k]);
        }
    }

    private void KlGradientAt(double eps, double[] v, double[] gradient)
    {
        SetParameters(_theta0, eps, v);
        _klTape.Reset();
        Tensor kl = Kl(_klTape);
        ZeroActorGradients();
        _klTape.Backward(kl);
        FlatGradient(gradient);
    }

    /// <summary>The critic: n_critic_updates epochs of shuffled minibatches, Adam on mean((R − V)²).</summary>
    private void FitValue(OnPolicyRollout rollout)
    {
        int m = rollout.Size, mb = Math.Min(_config.BatchSize, m), obs = _net.ObsSize;
        int[] order = _batch!.Order;
        for (int epoch = 0; epoch < _config.NCriticUpdates; epoch++)
        {
            for (int i = 0; i < m; i++)
            {
                order[i] = i;
            }
            for (int i = m - 1; i > 0; i--)
            {
                int j = _random.NextInt(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
            for (int s0 = 0; s0 < m; s0 += mb)
            {
                int n = Math.Min(mb, m - s0);
                _valueTape.Reset();
                Tensor x = _valueTape.Alloc([n, obs]);
                Tensor ret = _valueTape.Alloc([n, 1]);
                for (int j = 0; j < n; j++)
                {
                    int k = order[s0 + j];
                    rollout.Obs.AsSpan(k * obs, obs).CopyTo(x.Span.Slice(j * obs, obs));
                    ret[j] = rollout.Returns[k];
                }
                Tensor loss = _valueTape.Mse(_net.Value!.Forward(_valueTape, x), ret);
                _valueOptimizer.ZeroGrad();
                _valueTape.Backward(loss);
                _valueOptimizer.Step();
            }
        }
    }

    private void ZeroActorGradients()
    {
        for (int i = 0; i < _actorParameters.Count; i++)
        {
            _actorParameters[i].ZeroGrad();
        }
    }

    private void FlatGradient(double[] destination)
    {
        int o = 0;
        for (int i = 0; i < _actorParameters.Count; i++)
        {
            Tensor p = _actorParameters[i];
            ReadOnlySpan<float> g = p.HasGrad ? p.Grad : default;
            for (int k = 0; k < p.Length; k++)
            {
                destination[o++] = g.IsEmpty ? 0 : g[k];
            }
        }
    }

    /// <summary>Reads the actor's parameters into a flat vector.</summary>
    internal void GetParameters(double[] destination)
    {
        int o = 0;
        for (int i = 0; i < _actorParameters.Count; i++)
        {
            ReadOnlySpan<float> w = _actorParameters[i].Span;
            for (int k = 0; k < w.Length; k++)
            {
                destination[o++] = w[k];
            }
        }
    }

    /// <summary>θ = <paramref name="origin"/> + <paramref name="scale"/>·<paramref name="direction"/>.</summary>
    internal void SetParameters(double[] origin, double scale, double[] direction)
    {
        int o = 0;
        for (int i = 0; i < _actorParameters.Count; i++)
        {
            Span<float> w = _actorParameters[i].Span;
            for (int k = 0; k < w.Length; k++, o++)
            {
                w[k] = (float)(origin[o] + (scale * direction[o]));
            }
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
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
    public static Trpo Load(string path, ModelHeader header, Dictionary<string, float[]> tensors)
    {
        TrpoConfig config = header.Config.Deserialize<TrpoConfig>(ModelFile.Json) ?? throw new ZeroException($"'{path}' has no TRPO config.");
        var agent = new Trpo(header.Environment, config, 0) { StepsTrained = header.StepsTrained };
        agent._net.Restore(tensors, path);
        agent._normalization = header.Normalization;
        return agent;
    }
}
