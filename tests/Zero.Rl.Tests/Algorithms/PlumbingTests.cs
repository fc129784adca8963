using Zero.Rl.Algorithms;
using Zero.Rl.Training;

namespace Zero.Rl.Tests.Algorithms;

/// <summary>GAE, schedules, replay buffer, config overlay and the model file, against hand computations and corrupted files.</summary>
public sealed class PlumbingTests
{
    [Fact]
    public void Gae_TwoStepsOneEnvironment_MatchesHandComputation()
    {
        // γ = 0.9, λ = 0.5, V = [1, 2], last V = 3, r = [1, 1], no dones:
        // δ1 = 1 + 0.9·3 − 2 = 1.7; A1 = 1.7. δ0 = 1 + 0.9·2 − 1 = 1.8; A0 = 1.8 + 0.45·1.7 = 2.565.
        var adv = new float[2];
        var ret = new float[2];
        Gae.Compute(2, 1, [1f, 1f], [1f, 2f], [false, false], [3f], 0.9, 0.5, adv, ret);
        Assert.Equal(2.565f, adv[0], 5);
        Assert.Equal(1.7f, adv[1], 5);
        Assert.Equal(3.565f, ret[0], 5);
    }

    [Fact]
    public void Gae_DoneAtFirstStep_DoesNotBootstrapAcrossEpisodes()
    {
        // done at t = 0: δ0 = r0 − V0 = 1 − 1 = 0 and nothing flows back from t = 1.
        var adv = new float[2];
        var ret = new float[2];
        Gae.Compute(2, 1, [1f, 1f], [1f, 2f], [true, false], [3f], 0.9, 0.5, adv, ret);
        Assert.Equal(0f, adv[0], 6);
        Assert.Equal(1.7f, adv[1], 5);
    }

    [Fact]
    public void Schedule_LinearAndConstant_FollowProgressRemaining()
    {
        Schedule lin = Schedule.Parse("lin_1e-3");
        Assert.True(lin.Linear);
        Assert.Equal(5e-4, lin.Value(0.5), 12);
        Assert.Equal(0.2, Schedule.Parse("0.2").Value(0.1), 12);
        Assert.Throws<ZeroException>(() => Schedule.Parse("fast"));
    }

    [Fact]
    public void ReplayBuffer_Wraps_KeepsTheNewestTransitions()
    {
        var buffer = new ReplayBuffer(3, 1, 1);
        for (int i = 0; i < 5; i++)
        {
            buffer.Add([i], [i], i, [i + 1], i == 4);
        }
        Assert.Equal(3, buffer.Count);
        var obs = new float[50];
        var act = new float[50];
        var rew = new float[50];
        var next = new float[50];
        var term = new float[50];
        buffer.Sample(50, new RandomSource(1), obs, act, rew, next, term);
        Assert.All(obs, o => Assert.InRange(o, 2f, 4f));
        for (int j = 0; j < 50; j++)
        {
            Assert.Equal(obs[j] + 1, next[j]);
            Assert.Equal(obs[j] == 4 ? 1f : 0f, term[j]);
        }
    }

    [Fact]
    public void ConfigFile_Overlay_ReplacesOnlyGivenKeysAndRejectsTypos()
    {
        PpoConfig c = ConfigFile.Apply(Presets.Ppo("CartPole-v1"), "{\"n_envs\": 4, \"learning_rate\": \"lin_5e-4\"}", "test.json");
        Assert.Equal(4, c.NEnvs);
        Assert.Equal(Schedule.LinearToZero(5e-4), c.LearningRate);
        Assert.Equal(32, c.NSteps);
        var e = Assert.Throws<ZeroException>(() => ConfigFile.Apply(Presets.Ppo("CartPole-v1"), "{\"n_env\": 4}", "test.json"));
        Assert.Contains("n_envs", e.Message);
    }

    [Fact]
    public void ModelFile_SaveLoad_ActsIdenticallyAndDetectsCorruption()
    {
        string dir = Path.Combine(Path.GetTempPath(), "zero-rl-test-" + Environment.ProcessId);
        string path = Path.Combine(dir, "model.zrl");
        var agent = new Ppo("Acrobot-v1", Presets.Ppo("Acrobot-v1") with { NSteps = 16, NEnvs = 2, BatchSize = 32, NEpochs = 1 }, 3);
        agent.Learn(64);
        agent.Save(path);
        IAgent loaded = AgentFile.Load(path);
        Assert.Equal("Acrobot-v1", loaded.EnvironmentId);
        var obs = new float[] { 0.9f, 0.1f, 0.8f, -0.2f, 0.5f, -1.0f };
        var a1 = new float[1];
        var a2 = new float[1];
        agent.Act(obs, a1, deterministic: true);
        loaded.Act(obs, a2, deterministic: true);
        Assert.Equal(a1, a2);

        byte[] bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x55;
        File.WriteAllBytes(path, bytes);
        var corrupted = Assert.Throws<ZeroException>(() => AgentFile.Load(path));
        Assert.Contains("SHA-256", corrupted.Message);
        File.WriteAllBytes(path, bytes.AsSpan(0, 20).ToArray());
        Assert.Throws<ZeroException>(() => AgentFile.Load(path));
        File.WriteAllText(path, "hello");
        Assert.Contains("not a Zero RL model", Assert.Throws<ZeroException>(() => AgentFile.Load(path)).Message);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Presets_WrongAlgorithmForSpace_ThrowSayingWhichToUse()
    {
        Assert.Contains("sac or ppo", Assert.Throws<ZeroException>(() => new Dqn("Pendulum-v1", new DqnConfig(), 0)).Message);
        Assert.Contains("dqn or ppo", Assert.Throws<ZeroException>(() => new Sac("CartPole-v1", new SacConfig(), 0)).Message);
        Assert.Throws<ZeroException>(() => Presets.Sac("CartPole-v1"));
    }

    /// <summary>
    /// Short runs of each algorithm with and without eval_freq 500 (3 episodes) over 2000 steps: greedy acting draws no
    /// random numbers, so both runs train identically, the plain run's weights are the ones evaluated last, and the kept
    /// weights score their recorded mean again and at least as much as the final ones did in the last evaluation.
    /// </summary>
    [Theory]
    [InlineData("dqn")]
    [InlineData("sac")]
    [InlineData("ppo")]
    public void EvalFreq_EndsOnBestEvaluatedWeights_NoWorseThanTheFinalOnes(string algorithm)
    {
        IAgent TrainFor2000Steps(int evalFreq)
        {
            switch (algorithm)
            {
                case "dqn":
                    var dqn = new Dqn("CartPole-v1", Presets.Dqn("CartPole-v1") with { NetArch = [32, 32], LearningStarts = 200, TrainFreq = 16, GradientSteps = 8, EvalFreq = evalFreq, EvalEpisodes = 3 }, 3);
                    dqn.Learn(2000);
                    return dqn;
                case "sac":
                    var sac = new Sac("MountainCarContinuous-v0", Presets.Sac("MountainCarContinuous-v0") with { NetArch = [16, 16], BatchSize = 32, TrainFreq = 8, GradientSteps = 2, EvalFreq = evalFreq, EvalEpisodes = 3 }, 3);
                    sac.Learn(2000);
                    return sac;
                default:
                    var ppo = new Ppo("Pendulum-v1", Presets.Ppo("Pendulum-v1") with { NetArch = [16, 16], NEnvs = 2, NSteps = 64, BatchSize = 64, NEpochs = 2, EvalFreq = evalFreq, EvalEpisodes = 3 }, 3);
                    ppo.Learn(2000);
                    return ppo;
            }
        }
        IAgent plain = TrainFor2000Steps(0), kept = TrainFor2000Steps(500);

        Assert.Null(plain.KeptEvaluation);
        (long step, double mean, int seed) = Assert.NotNull(kept.KeptEvaluation);
        Assert.Contains(step, algorithm == "ppo" ? new long[] { 512, 1024, 1536, 2048 } : [500, 1000, 1500, 2000]);
        Assert.Equal(mean, Evaluation.Run(kept, 3, seed).Mean);
        Assert.True(mean >= Evaluation.Run(plain, 3, 2_000_009).Mean); // the fourth (last) evaluation's seeds
    }

    [Fact]
    public void SacAndDqn_ShortRuns_TrainSaveAndReload()
    {
        string dir = Path.Combine(Path.GetTempPath(), "zero-rl-test2-" + Environment.ProcessId);
        var sac = new Sac("Pendulum-v1", Presets.Sac("Pendulum-v1") with { NetArch = [16, 16], BatchSize = 8, LearningStarts = 20 }, 1);
        sac.Learn(60);
        sac.Save(Path.Combine(dir, "sac.zrl"));
        var dqn = new Dqn("CartPole-v1", Presets.Dqn("CartPole-v1") with { NetArch = [16], BatchSize = 8, LearningStarts = 10, TrainFreq = 4, GradientSteps = 2 }, 1);
        dqn.Learn(60);
        dqn.Save(Path.Combine(dir, "dqn.zrl"));
        foreach (string f in new[] { "sac.zrl", "dqn.zrl" })
        {
            IAgent a = AgentFile.Load(Path.Combine(dir, f));
            EpisodeReturns r = Evaluation.Run(a, 2);
            Assert.Equal(2, r.Returns.Length);
            Assert.True(double.IsFinite(r.Mean));
        }
        Directory.Delete(dir, true);
    }

    [Fact]
    public void SacGsde_ConfigKeysShortRunSaveReload_SameDeterministicActions()
    {
        SacConfig c = ConfigFile.Apply(Presets.Sac("Pendulum-v1"), """{"use_sde": true, "sde_sample_freq": 4, "log_std_init": -2, "net_arch": [16, 16], "batch_size": 8, "learning_starts": 20}""", "test");
        Assert.True(c.UseSde);
        Assert.Equal(4, c.SdeSampleFreq);
        Assert.Equal(-2, c.LogStdInit);
        var sac = new Sac("Pendulum-v1", c, 1);
        sac.Learn(60);
        IAgent loaded = SaveReload_SameDeterministicAction(sac, [0.3f, -0.9f, 0.5f]);
        Assert.True(double.IsFinite(Evaluation.Run(loaded, 1).Mean));
        Assert.Contains("net_arch", Assert.Throws<ZeroException>(() => new Sac("Pendulum-v1", c with { NetArch = [] }, 1)).Message);
    }

    [Fact]
    public void PpoGsde_ShortRunSaveReload_SameDeterministicActions()
    {
        PpoConfig c = ConfigFile.Apply(Presets.Ppo("Pendulum-v1"), """{"use_sde": true, "sde_sample_freq": 4, "n_envs": 2, "n_steps": 16, "batch_size": 8, "n_epochs": 2}""", "test");
        var ppo = new Ppo("Pendulum-v1", c, 1);
        ppo.Learn(64);
        float[] obs = [0.3f, -0.9f, 0.5f];
        IAgent loaded = SaveReload_SameDeterministicAction(ppo, obs);
        var b = new float[1];
        loaded.Act(obs, b, deterministic: false);
        Assert.InRange(b[0], -2f, 2f);
        Assert.Throws<ZeroException>(() => new Ppo("CartPole-v1", Presets.Ppo("CartPole-v1") with { UseSde = true }, 1));
    }

    /// <summary>Saves a trained agent, loads it back and checks both pick the same deterministic action for one observation
    /// (one action dimension); returns the loaded agent.</summary>
    private static IAgent SaveReload_SameDeterministicAction(IAgent trained, float[] obs)
    {
        string dir = Path.Combine(Path.GetTempPath(), "zero-rl-test-reload-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));
        string path = Path.Combine(dir, "agent.zrl");
        trained.Save(path);
        IAgent loaded = AgentFile.Load(path);
        Directory.Delete(dir, true);
        var a = new float[1];
        var b = new float[1];
        trained.Act(obs, a, deterministic: true);
        loaded.Act(obs, b, deterministic: true);
        Assert.Equal(a, b);
        return loaded;
    }
}
