using Zero.Engine.Autograd;
using Zero.Engine.Tensors;
using Zero.Rl.Algorithms;
using Zero.Rl.ClassicControl;
using Zero.Rl.Vector;

namespace Zero.Rl.Tests.Algorithms;

/// <summary>
/// A2C, TRPO, TD3 and DDPG: every loss graph against finite differences (small networks, real rollouts), TRPO's
/// Fisher-vector product against second differences of the KL, TRPO's step inside its trust region, the noises,
/// and save/reload through <see cref="AgentFile"/>.
/// </summary>
public sealed class ClassicAlgorithmTests
{
    /// <summary>
    /// The tensors whose tape gradient is the full derivative: with gSDE the policy MLP also feeds the noise's variance
    /// through θ, a path SB3 (and Zero) cut on purpose (learn_features false: θ is detached there), so finite differences
    /// of the MLP's weights see a term the gradient leaves out by design.
    /// </summary>
    private static Tensor[] Checked(ActorCriticPolicy policy, bool withValue) =>
        [.. policy.Sde is null ? policy.PolicyParameters : [.. policy.ActionNet!.Parameters(), policy.Sde.LogStd], .. withValue ? policy.ValueParameters : []];

    private static OnPolicyRollout Rollout(ActorCriticPolicy policy, string env, int nEnvs, int nSteps, double gamma, int seed)
    {
        var venv = new VectorEnvironment(() => ClassicControlCatalog.Make(env), nEnvs);
        venv.Reset(seed);
        var rollout = new OnPolicyRollout(policy, venv, nSteps, -1, new RandomSource(seed));
        rollout.Collect(gamma);
        rollout.ComputeAdvantages(gamma, 0.95);
        return rollout;
    }

    [Theory]
    [InlineData("CartPole-v1", false, false)]
    [InlineData("Pendulum-v1", false, true)]
    [InlineData("Pendulum-v1", true, true)]
    public void A2cLoss_DiscreteGaussianAndGsde_GradientsMatchFiniteDifferences(string env, bool sde, bool normalizeAdvantage)
    {
        var c = new A2cConfig { NetArch = [4], EntCoef = 0.01, VfCoef = 0.4, UseSde = sde, LogStdInit = -0.5, NormalizeAdvantage = normalizeAdvantage };
        var agent = new A2c(env, c, 3);
        OnPolicyRollout rollout = Rollout(agent.Policy, env, 2, 4, 0.99, 3);
        EngineLossTests.CheckGradients(t => agent.Loss(t, rollout), Checked(agent.Policy, withValue: true));
    }

    [Theory]
    [InlineData("CartPole-v1", true)]
    [InlineData("CartPole-v1", false)]
    [InlineData("Pendulum-v1", true)]
    public void ReinforceLoss_WithAndWithoutBaseline_GradientsMatchFiniteDifferences(string env, bool baseline)
    {
        // γ 0.3 and c_vf 0.05 keep Pendulum's returns and value loss small enough for float32 finite differences.
        var agent = new Reinforce(env, new ReinforceConfig { NetArch = [4], UseBaseline = baseline, EntCoef = 0.01, EpisodesPerUpdate = 2, LogStdInit = -0.5, Gamma = 0.3, VfCoef = 0.05 }, 2);
        var venv = new VectorEnvironment(() => ClassicControlCatalog.Make(env), 1);
        venv.Reset(2);
        agent.Collect(venv);
        EngineLossTests.CheckGradients(agent.Loss, Checked(agent.Policy, withValue: baseline));
    }

    [Fact]
    public void ReinforceCollect_TwoEpisodes_RewardToGoRestartsAtEachEpisodeEnd()
    {
        var agent = new Reinforce("CartPole-v1", new ReinforceConfig { NetArch = [4], UseBaseline = false, NormalizeAdvantage = false, Gamma = 0.5, EpisodesPerUpdate = 2 }, 2);
        var venv = new VectorEnvironment(() => ClassicControlCatalog.Make("CartPole-v1"), 1);
        venv.Reset(2);
        agent.Collect(venv);
        Assert.Equal(2, venv.Statistics.EpisodeCount);
        int[] ends = [.. Enumerable.Range(0, agent.Rows).Where(agent.EndsAt)];
        Assert.Equal(2, ends.Length);
        Assert.Equal(agent.Rows - 1, ends[1]);

        // CartPole pays 1 per step, so with γ ½ the last step of an episode has G = 1, the one before 1.5, then 1.75:
        // the first episode's returns do not leak into the second's.
        foreach (int end in ends)
        {
            Assert.Equal(1f, agent.ReturnAt(end));
            Assert.Equal(1.5f, agent.ReturnAt(end - 1));
            Assert.Equal(1.75f, agent.ReturnAt(end - 2));
        }
        Assert.Equal(2f, agent.ReturnAt(ends[0] + 1), 0.01); // the second episode's first step, ≥ 8 steps from its end
        Assert.True(float.IsFinite(agent.Loss(new Tape())[0]));
    }

    [Theory]
    [InlineData("CartPole-v1", false)]
    [InlineData("Pendulum-v1", false)]
    [InlineData("Pendulum-v1", true)]
    public void TrpoSurrogateAndKl_GradientsMatchFiniteDifferences(string env, bool sde)
    {
        var agent = new Trpo(env, new TrpoConfig { NetArch = [4], UseSde = sde, LogStdInit = -0.5 }, 4);
        OnPolicyRollout rollout = Rollout(agent.Policy, env, 2, 5, 0.99, 4);
        agent.PrepareUpdate(rollout);
        var rng = new RandomSource(9);
        foreach (Tensor p in agent.Policy.PolicyParameters)
        {
            for (int i = 0; i < p.Length; i++)
            {
                p[i] += (float)(0.2 * rng.NextNormal()); // away from π_old, where the KL's gradient is not zero
            }
        }
        EngineLossTests.CheckGradients(agent.Surrogate, Checked(agent.Policy, withValue: false));
        EngineLossTests.CheckGradients(agent.Kl, Checked(agent.Policy, withValue: false));
    }

    /// <summary>
    /// The finite-difference Fisher-vector product against the KL itself: at π_old the KL is 0 with zero gradient, so
    /// KL(θ_old + hv) ≈ ½h²·vᵀFv; second differences (KL(+hv) + KL(−hv))/h² in double-checked float32 give vᵀFv.
    /// Also F is symmetric (uᵀFv = vᵀFu) and positive (vᵀFv > 0), and the KL at θ_old is 0. With gSDE the directions
    /// leave the policy MLP alone (its variance path is cut on purpose, see <see cref="Checked"/>).
    /// </summary>
    [Theory]
    [InlineData("CartPole-v1", false)]
    [InlineData("Pendulum-v1", false)]
    [InlineData("Pendulum-v1", true)]
    public void TrpoFisherVectorProduct_MatchesSecondDifferencesOfKl(string env, bool sde)
    {
        var agent = new Trpo(env, new TrpoConfig { NetArch = [8], UseSde = sde, CgDamping = 0, LogStdInit = -0.5 }, 5);
        OnPolicyRollout rollout = Rollout(agent.Policy, env, 2, 16, 0.99, 5);
        agent.PrepareUpdate(rollout);
        int n = agent.ParameterCount;
        var theta = new double[n];
        agent.GetParameters(theta);
        var tape = new Tape();
        Assert.True(Math.Abs(agent.Kl(tape)[0]) < 1e-5, $"KL at θ_old = {agent.Kl(tape)[0]}");
        var rng = new RandomSource(6);
        int frozen = sde ? agent.Policy.Policy.Parameters().Sum(p => p.Length) : 0; // PolicyParameters start with the MLP
        double[] Random()
        {
            var v = new double[n];
            for (int i = frozen; i < n; i++)
            {
                v[i] = rng.NextNormal();
            }
            return v;
        }
        double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();
        for (int trial = 0; trial < 3; trial++)
        {
            double[] v = Random(), u = Random(), fv = new double[n], fu = new double[n];
            agent.FisherVectorProduct(v, fv);
            agent.FisherVectorProduct(u, fu);
            double vFv = Dot(v, fv);
            double h = 0.05 / Math.Sqrt(Dot(v, v));
            agent.SetParameters(theta, h, v);
            tape.Reset();
            double plus = agent.Kl(tape)[0];
            agent.SetParameters(theta, -h, v);
            tape.Reset();
            double minus = agent.Kl(tape)[0];
            agent.SetParameters(theta, 0, v);
            double secondDifference = (plus + minus) / (h * h);
            Assert.True(vFv > 0, $"vᵀFv = {vFv}");
            Assert.True(Math.Abs(vFv - secondDifference) < 0.05 * Math.Abs(secondDifference), $"vᵀFv {vFv} vs second differences {secondDifference}");
            Assert.True(Math.Abs(Dot(u, fv) - Dot(v, fu)) < 0.02 * Math.Sqrt(Dot(u, fu) * vFv), $"uᵀFv {Dot(u, fv)} vs vᵀFu {Dot(v, fu)}");
        }
    }

    [Theory]
    [InlineData("CartPole-v1", 0.01)]
    [InlineData("Pendulum-v1", 0.002)]
    public void TrpoPolicyStep_RealRollout_StaysInsideTheKlBoundAndImproves(string env, double delta)
    {
        var agent = new Trpo(env, Presets.Trpo(env) with { TargetKl = delta, UseSde = false }, 7);
        OnPolicyRollout rollout = Rollout(agent.Policy, env, 2, 256, 0.99, 7);
        var before = new double[agent.ParameterCount];
        agent.GetParameters(before);
        agent.PrepareUpdate(rollout);
        agent.PolicyStep();
        (double kl, double gain, bool accepted) = agent.LastPolicyStep;
        Assert.True(accepted, "the line search found no step");
        Assert.True(gain > 0, $"surrogate gain {gain}");

        // The KL of the parameters now in the network, measured afresh against π_old.
        var tape = new Tape();
        double measured = agent.Kl(tape)[0];
        Assert.True(measured < delta, $"KL {measured} ≥ δ {delta}");
        Assert.Equal(kl, measured, 1e-6);
        Assert.True(measured > 0.05 * delta, $"KL {measured}: the step hardly moved (δ {delta})");
        var after = new double[agent.ParameterCount];
        agent.GetParameters(after);
        Assert.NotEqual(before, after);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Td3CriticAndActorLosses_GradientsMatchFiniteDifferences(int critics)
    {
        var agent = new Td3("Pendulum-v1", new Td3Config { NetArch = [5], NCritics = critics }, 8);
        var rng = new RandomSource(8);
        const int b = 6;
        var sa = new float[b * 4];
        var obs = new float[b * 3];
        var y = new float[b];
        for (int i = 0; i < sa.Length; i++)
        {
            sa[i] = (float)rng.Uniform(-1, 1);
        }
        for (int i = 0; i < obs.Length; i++)
        {
            obs[i] = (float)rng.Uniform(-1, 1);
        }
        for (int i = 0; i < b; i++)
        {
            y[i] = (float)rng.Uniform(-2, 0);
        }
        EngineLossTests.CheckGradients(t => agent.CriticLoss(t, sa, y, b), [.. agent.TrainedParameters]);
        EngineLossTests.CheckGradients(t => agent.ActorLoss(t, obs, b), [.. agent.TrainedParameters]);
    }

    [Fact]
    public void ActionNoise_NormalAndOrnsteinUhlenbeck_HaveTheirStatisticsAndResetToZero()
    {
        var rng = new RandomSource(1);
        var normal = new ActionNoise("normal", 0.3, 1);
        var ou = new ActionNoise("ornstein-uhlenbeck", 0.5, 1);
        double sum = 0, sq = 0, lag = 0, previous = 0;
        const int n = 20_000;
        Span<float> a = stackalloc float[1];
        for (int i = 0; i < n; i++)
        {
            a[0] = 0;
            normal.Add(rng, a);
            sum += a[0];
            sq += a[0] * a[0];
            a[0] = 0;
            ou.Add(rng, a);
            lag += a[0] * previous;
            previous = a[0];
        }
        Assert.Equal(0, sum / n, 0.01);
        Assert.Equal(0.3, Math.Sqrt(sq / n), 0.01);
        Assert.True(lag > 0, "Ornstein-Uhlenbeck steps are correlated");
        ou.Reset();
        a[0] = 0;
        ou.Add(new RandomSource(2), a);
        Assert.True(Math.Abs(a[0]) < 0.5 * 0.1 * 5, $"after Reset one step is σ√dt·N(0, 1): {a[0]}");
        Assert.Throws<ZeroException>(() => new ActionNoise("pink", 0.1, 1));
    }

    [Theory]
    [InlineData("a2c", "CartPole-v1")]
    [InlineData("a2c", "Pendulum-v1")]
    [InlineData("trpo", "CartPole-v1")]
    [InlineData("trpo", "MountainCarContinuous-v0")]
    [InlineData("reinforce", "CartPole-v1")]
    [InlineData("reinforce", "Pendulum-v1")]
    [InlineData("td3", "Pendulum-v1")]
    [InlineData("ddpg", "MountainCarContinuous-v0")]
    public void SaveReload_ShortRun_SameAlgorithmConfigAndDeterministicActions(string algorithm, string env)
    {
        AgentCatalog.Entry entry = AgentCatalog.Find(algorithm);
        IAgentConfig c = entry.Preset(env);
        c = c switch
        {
            Td3Config t => t with { LearningStarts = 50, NetArch = [16], TrainFreq = 1 },
            DdpgConfig d => d with { LearningStarts = 50, NetArch = [16] },
            TrpoConfig t => t with { NSteps = 64, NetArch = [16] },
            A2cConfig a => a with { NetArch = [16] },
            ReinforceConfig r => r with { NetArch = [16], EpisodesPerUpdate = 1 },
            _ => c,
        };
        IAgent agent = entry.Create(env, c, 3);
        agent.Learn(256);
        Assert.True(agent.StepsTrained >= 256);
        string path = Path.Combine(Path.GetTempPath(), $"zero-{algorithm}-{Guid.NewGuid():N}.zrl");
        try
        {
            agent.Save(path);
            IAgent loaded = AgentFile.Load(path);
            Assert.Equal(algorithm, loaded.Algorithm);
            Assert.Equal(agent.StepsTrained, loaded.StepsTrained);
            Assert.Equal(c.GetType(), loaded.Config.GetType());
            int obsSize = ClassicControlCatalog.Make(env).ObservationSpace.FlatSize;
            var rng = new RandomSource(4);
            var obs = new float[obsSize];
            var x = new float[1];
            var y = new float[1];
            for (int trial = 0; trial < 5; trial++)
            {
                for (int i = 0; i < obsSize; i++)
                {
                    obs[i] = (float)rng.Uniform(-0.5, 0.5);
                }
                agent.Act(obs, x, deterministic: true);
                loaded.Act(obs, y, deterministic: true);
                Assert.Equal(x[0], y[0]);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
