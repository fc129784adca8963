using Zero.Rl.Training;
using Zero.Rl.Vector;

namespace Zero.Rl.Algorithms;

/// <summary>
/// SB3's RolloutBuffer plus collect_rollouts for the algorithms on <see cref="ActorCriticPolicy"/> (A2C, TRPO): T steps of
/// every environment of a vector environment with the current policy, stored as rows k = t·N + i, time-limit truncations
/// bootstrapped into the reward (r += γ·V(final observation)), then GAE(λ). All storage is allocated once, so
/// <see cref="Collect"/> allocates nothing.
/// </summary>
internal sealed class OnPolicyRollout
{
    private readonly ActorCriticPolicy _policy;
    private readonly IVectorEnvironment _env;
    private readonly RandomSource _random;
    private readonly int _sdeSampleFreq;
    private readonly float[] _stepActions, _heads, _latents, _sdeEps, _sdeMatrices, _finalObs, _finalValues;
    private readonly int[] _finalRows;

    /// <summary>Storage for <paramref name="nSteps"/> steps of <paramref name="env"/>'s environments.</summary>
    public OnPolicyRollout(ActorCriticPolicy policy, IVectorEnvironment env, int nSteps, int sdeSampleFreq, RandomSource random)
    {
        _policy = policy;
        _env = env;
        _random = random;
        _sdeSampleFreq = sdeSampleFreq;
        Steps = nSteps;
        Envs = env.Count;
        int batch = Steps * Envs;
        Obs = new float[batch * policy.ObsSize];
        Actions = new float[batch * policy.ActSize];
        DiscreteActions = new int[batch];
        LogProbs = new float[batch];
        Values = new float[batch];
        Rewards = new float[batch];
        Dones = new bool[batch];
        Advantages = new float[batch];
        Returns = new float[batch];
        LastValues = new float[Envs];
        _stepActions = new float[Envs * policy.ActSize];
        _heads = new float[Envs * policy.HeadSize];
        int sde = policy.LatentSize * policy.HeadSize;
        _latents = new float[Envs * policy.LatentSize];
        _sdeEps = new float[sde];
        _sdeMatrices = new float[Envs * sde];
        _finalObs = new float[Envs * policy.ObsSize];
        _finalValues = new float[Envs];
        _finalRows = new int[Envs];
    }

    /// <summary>T, steps per environment.</summary>
    public int Steps { get; }

    /// <summary>N, environments.</summary>
    public int Envs { get; }

    /// <summary>T·N.</summary>
    public int Size => Steps * Envs;

    /// <summary>Observations [T·N, obs].</summary>
    public float[] Obs { get; }

    /// <summary>Raw sampled actions [T·N, act] (Box: before clipping).</summary>
    public float[] Actions { get; }

    /// <summary>Discrete actions as ints [T·N] (for CategoricalLogProb).</summary>
    public int[] DiscreteActions { get; }

    /// <summary>log π of each action when it was taken.</summary>
    public float[] LogProbs { get; }

    /// <summary>V(s) when the step was taken.</summary>
    public float[] Values { get; }

    /// <summary>Rewards (truncations bootstrapped).</summary>
    public float[] Rewards { get; }

    /// <summary>The episode ended at this step.</summary>
    public bool[] Dones { get; }

    /// <summary>GAE advantages.</summary>
    public float[] Advantages { get; }

    /// <summary>Advantages + values: the value targets.</summary>
    public float[] Returns { get; }

    /// <summary>V of the observations after the last step.</summary>
    public float[] LastValues { get; }

    /// <summary>Collects T steps of every environment (the environment must have been reset).</summary>
    public void Collect(double gamma)
    {
        int n = Envs, obsSize = _policy.ObsSize, act = _policy.ActSize, head = _policy.HeadSize, latent = _policy.LatentSize;
        int sde = _sdeEps.Length;
        for (int t = 0; t < Steps; t++)
        {
            Span<float> obsRow = Obs.AsSpan(t * n * obsSize, n * obsSize);
            _env.Observations.CopyTo(obsRow);
            if (_policy.Sde is not null && (t == 0 || (_sdeSampleFreq > 0 && t % _sdeSampleFreq == 0)))
            {
                for (int i = 0; i < n; i++)
                {
                    _policy.Sde.Resample(_random, _sdeEps, _sdeMatrices.AsSpan(i * sde, sde));
                }
            }
            _policy.Heads(obsRow, n, _latents, _heads);
            for (int i = 0; i < n; i++)
            {
                int k = (t * n) + i;
                Span<float> a = Actions.AsSpan(k * act, act);
                LogProbs[k] = _policy.Sample(_heads.AsSpan(i * head, head), _latents.AsSpan(i * latent, latent), _sdeMatrices.AsSpan(i * sde, sde), a);
                DiscreteActions[k] = _policy.Discrete ? (int)a[0] : 0;
                _policy.ClipToBounds(a, _stepActions.AsSpan(i * act, act));
            }
            _policy.Value!.Predict(obsRow, n, Values.AsSpan(t * n, n));

            _env.Step(_stepActions);
            int truncated = 0;
            for (int i = 0; i < n; i++)
            {
                int k = (t * n) + i;
                Rewards[k] = _env.Rewards[i];
                Dones[k] = _env.Terminated[i] || _env.Truncated[i];
                if (_env.Truncated[i] && !_env.Terminated[i])
                {
                    _env.FinalObservations.Slice(i * obsSize, obsSize).CopyTo(_finalObs.AsSpan(truncated * obsSize, obsSize));
                    _finalRows[truncated++] = k;
                }
            }
            if (truncated > 0)
            {
                _policy.Value.Predict(_finalObs.AsSpan(0, truncated * obsSize), truncated, _finalValues.AsSpan(0, truncated));
                for (int j = 0; j < truncated; j++)
                {
                    Rewards[_finalRows[j]] += (float)(gamma * _finalValues[j]);
                }
            }
        }
        _policy.Value!.Predict(_env.Observations, n, LastValues);
    }

    /// <summary>GAE(λ) advantages and returns of the collected rollout (λ = 1: n-step Monte-Carlo returns bootstrapped at the end).</summary>
    public void ComputeAdvantages(double gamma, double lambda) =>
        Gae.Compute(Steps, Envs, Rewards, Values, Dones, LastValues, gamma, lambda, Advantages, Returns);
}
