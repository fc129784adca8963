using Zero.Rl.Training;

namespace Zero.Rl.Algorithms;

/// <summary>
/// The shipped hyper-parameters per (algorithm, environment), starting from the RL Baselines3 Zoo's tuned values
/// (docs/rl-environments.md, table (d)); keys the Zoo does not set keep SB3's defaults. Where a value
/// differs from the Zoo the line says why. Read by <c>zero rl train</c> and the learning tests.
/// </summary>
public static class Presets
{
    /// <summary>PPO preset for an environment id.</summary>
    public static PpoConfig Ppo(string env) => env switch
    {
        "CartPole-v1" => new PpoConfig
        {
            NTimesteps = 100_000, NEnvs = 8, NSteps = 32, BatchSize = 256, Gamma = 0.98, GaeLambda = 0.8, NEpochs = 20,
            EntCoef = 0, LearningRate = Schedule.LinearToZero(1e-3), ClipRange = Schedule.LinearToZero(0.2),
        },
        "Acrobot-v1" => new PpoConfig { NTimesteps = 1_000_000, Normalize = true, NEnvs = 16, NSteps = 256, Gamma = 0.99, GaeLambda = 0.94, NEpochs = 4, EntCoef = 0 },
        "MountainCar-v0" => new PpoConfig { NTimesteps = 1_000_000, Normalize = true, NEnvs = 16, NSteps = 16, Gamma = 0.99, GaeLambda = 0.98, NEpochs = 4, EntCoef = 0 },
        "Pendulum-v1" => new PpoConfig
        {
            // The Zoo adds gSDE (use_sde, sde_sample_freq 4); here it gave −181 / −129 / −261 (seeds 1-3) against −128 / −140 /
            // −142 with the plain Gaussian, so the preset keeps the plain Gaussian ({"use_sde": true, "sde_sample_freq": 4} turns it on).
            NTimesteps = 100_000, NEnvs = 4, NSteps = 1024, Gamma = 0.9, GaeLambda = 0.95, NEpochs = 10, EntCoef = 0,
            LearningRate = Schedule.Constant(1e-3), ClipRange = Schedule.Constant(0.2),
        },
        "MountainCarContinuous-v0" => new PpoConfig
        {
            NTimesteps = 20_000, Normalize = true, NEnvs = 1, NSteps = 8, BatchSize = 256, Gamma = 0.9999, GaeLambda = 0.9,
            LearningRate = Schedule.Constant(7.77e-5), EntCoef = 0.00429, ClipRange = Schedule.Constant(0.1), NEpochs = 10,
            // The Zoo adds use_sde; here gSDE gave 94.7 / −86.7 / −1.8 (seeds 1-3) against 95.4 / −20.9 / 92.1 without it.
            MaxGradNorm = 5, VfCoef = 0.19, LogStdInit = -3.29, OrthoInit = false,
        },
        _ => throw Unknown("ppo", env),
    };

    /// <summary>DQN preset for an environment id (discrete actions only).</summary>
    public static DqnConfig Dqn(string env) => env switch
    {
        "CartPole-v1" => new DqnConfig
        {
            // Deviations from the Zoo, each with its reason (all seeds: zero rl eval, 10 deterministic episodes):
            // - 1e5 steps, not the Zoo's 5e4: the bar is "within 100k".
            // - Double DQN: with the plain max target, seed 1 ended at 65 (5e4 steps) and 87 (1e5 steps).
            // - ε decays over 25% of the run (25k steps; the Zoo's 16% of 5e4 is 8k). Over 8%, seeds 1-3 ended at 143 / 500 / 83;
            //   over 16%, seeds 1-5 at 500 and 6-10 at 147 / 98 / 102 / 69 / 62; over 25%, seeds 6-10 at 500 / 123 / 500 / 270 / 500.
            // - eval_freq 5000 (10 greedy episodes each, seeds apart from zero rl eval's): the greedy network still swings late
            //   in training (ε over 25% alone leaves seeds 7 / 9 at 123 / 270), so training ends on the best-evaluated weights
            //   (ties go to the later ones), as the Zoo's EvalCallback keeps best_model. Evaluating changes no training (greedy
            //   acting draws no random numbers); seed 6 keeps its final weights. With it seeds 1-10 all reach 500 ± 0.
            // - Tried and rejected: learning rate lin_2.3e-3 (linear decay to 0) with ε over 25%: seeds 6 / 8 ended at 117 / 90
            //   (learning too slow to converge by 1e5).
            DoubleQ = true, NTimesteps = 100_000, LearningRate = Schedule.Constant(2.3e-3), BatchSize = 64, BufferSize = 100_000, LearningStarts = 1000,
            Gamma = 0.99, TargetUpdateInterval = 10, TrainFreq = 256, GradientSteps = 128, ExplorationFraction = 0.25,
            ExplorationFinalEps = 0.04, NetArch = [256, 256], EvalFreq = 5000, EvalEpisodes = 10,
        },
        "MountainCar-v0" => new DqnConfig
        {
            NTimesteps = 120_000, LearningRate = Schedule.Constant(4e-3), BatchSize = 128, BufferSize = 10_000, LearningStarts = 1000,
            Gamma = 0.98, TargetUpdateInterval = 600, TrainFreq = 16, GradientSteps = 8, ExplorationFraction = 0.2,
            ExplorationFinalEps = 0.07, NetArch = [256, 256],
        },
        "Acrobot-v1" => new DqnConfig
        {
            NTimesteps = 100_000, LearningRate = Schedule.Constant(6.3e-4), BatchSize = 128, BufferSize = 50_000, LearningStarts = 0,
            Gamma = 0.99, TargetUpdateInterval = 250, TrainFreq = 4, GradientSteps = -1, ExplorationFraction = 0.12,
            ExplorationFinalEps = 0.1, NetArch = [256, 256],
        },
        _ => throw Unknown("dqn", env),
    };

    /// <summary>SAC preset for an environment id (Box actions only).</summary>
    public static SacConfig Sac(string env) => env switch
    {
        "Pendulum-v1" => new SacConfig { NTimesteps = 20_000, LearningRate = Schedule.Constant(1e-3) },
        "MountainCarContinuous-v0" => new SacConfig
        {
            NTimesteps = 50_000, LearningRate = Schedule.Constant(3e-4), BufferSize = 50_000, BatchSize = 512, EntCoef = "0.1",
            TrainFreq = 32, GradientSteps = 32, Gamma = 0.9999, Tau = 0.01, LearningStarts = 0, NetArch = [64, 64],
            UseSde = true, LogStdInit = -3.67,
            // Added to the Zoo: eval_freq 1000 with 20 deterministic episodes each (seeds apart from zero rl eval's), ending on
            // the best-evaluated weights. The final weights left seed 4 at 89.4 ± 3.7 (9 of 10 seeds >= 90). Ten episodes per
            // evaluation overfit the choice: seed 2 kept step 46k, which fails from 15 % of starts (79.6 over 100 episodes;
            // its final weights 93.2). With 20, seeds 1-10 keep steps 38k-50k and all score >= 92 (zero rl eval, 10 episodes).
            EvalFreq = 1000, EvalEpisodes = 20,
        },
        _ => throw Unknown("sac", env),
    };

    /// <summary>A2C preset for an environment id (rl-baselines3-zoo hyperparams/a2c.yml).</summary>
    public static A2cConfig A2c(string env) => env switch
    {
        "CartPole-v1" => new A2cConfig { NEnvs = 8, NTimesteps = 500_000, EntCoef = 0 },
        "Acrobot-v1" => new A2cConfig { Normalize = true, NEnvs = 16, NTimesteps = 500_000, EntCoef = 0 },
        "MountainCar-v0" => new A2cConfig { Normalize = true, NEnvs = 16, NTimesteps = 1_000_000, EntCoef = 0 },
        "Pendulum-v1" => new A2cConfig
        {
            // The Zoo's entry is for Pendulum-v0 ("almost tuned"); v1 has the same dynamics.
            Normalize = true, NEnvs = 8, NTimesteps = 1_000_000, EntCoef = 0, MaxGradNorm = 0.5, NSteps = 8, GaeLambda = 0.9, VfCoef = 0.4,
            Gamma = 0.99, UseRmsProp = true, NormalizeAdvantage = false, LearningRate = Schedule.LinearToZero(7e-4), UseSde = true,
            LogStdInit = -2, OrthoInit = false,
        },
        "MountainCarContinuous-v0" => new A2cConfig
        {
            Normalize = true, NEnvs = 4, NSteps = 100, NTimesteps = 100_000, EntCoef = 0, UseSde = true, SdeSampleFreq = 16, LogStdInit = 0,
            OrthoInit = false,
        },
        _ => throw Unknown("a2c", env),
    };

    /// <summary>TD3 preset for an environment id (Box actions; rl-baselines3-zoo hyperparams/td3.yml).</summary>
    public static Td3Config Td3(string env) => env switch
    {
        // The Zoo's entry is for Pendulum-v0 (same dynamics as v1). Its train_freq [1, "episode"] is written as 200 steps
        // (Pendulum's episodes always last 200), with gradient_steps −1: 200 gradient steps after each episode.
        "Pendulum-v1" => new Td3Config
        {
            NTimesteps = 20_000, Gamma = 0.98, BufferSize = 200_000, LearningStarts = 10_000, NoiseType = "normal", NoiseStd = 0.1,
            GradientSteps = -1, TrainFreq = 200, LearningRate = Schedule.Constant(1e-3), NetArch = [400, 300],
        },
        "MountainCarContinuous-v0" => new Td3Config
        {
            NTimesteps = 100_000, NoiseType = "ornstein-uhlenbeck", NoiseStd = 0.5,
            // Deviation from the Zoo (which keeps SB3's [400, 300] and 300k steps): [64, 64] networks (as the Zoo's SAC
            // preset here), 100k steps, and eval_freq 2000 with 20 episodes, ending on the best-evaluated weights (the Zoo's
            // EvalCallback). 300k gradient steps of [400, 300] take hours on this machine's two shared cores. With 50k steps
            // and 10 episodes per evaluation seeds 1 / 2 ended at 0.0 / 67.2 (below the bar of 90).
            NetArch = [64, 64], EvalFreq = 2000, EvalEpisodes = 20,
        },
        _ => throw Unknown("td3", env),
    };

    /// <summary>DDPG preset for an environment id (Box actions; rl-baselines3-zoo hyperparams/ddpg.yml).</summary>
    public static DdpgConfig Ddpg(string env) => env switch
    {
        // As TD3's: the Zoo's Pendulum-v0 entry, train_freq [1, "episode"] written as 200 steps.
        "Pendulum-v1" => new DdpgConfig
        {
            NTimesteps = 20_000, Gamma = 0.98, BufferSize = 200_000, LearningStarts = 10_000, NoiseType = "normal", NoiseStd = 0.1,
            GradientSteps = -1, TrainFreq = 200, LearningRate = Schedule.Constant(1e-3), NetArch = [400, 300],
        },
        "MountainCarContinuous-v0" => new DdpgConfig { NTimesteps = 300_000, NoiseType = "ornstein-uhlenbeck", NoiseStd = 0.5 },
        _ => throw Unknown("ddpg", env),
    };

    /// <summary>TRPO preset for an environment id (rl-baselines3-zoo hyperparams/trpo.yml).</summary>
    public static TrpoConfig Trpo(string env) => env switch
    {
        "CartPole-v1" => new TrpoConfig
        {
            NEnvs = 2, NTimesteps = 100_000, NSteps = 512, BatchSize = 512, CgDamping = 1e-3, GaeLambda = 0.98, Gamma = 0.99,
            LearningRate = Schedule.Constant(1e-3), NCriticUpdates = 20,
            // Added to the Zoo: eval_freq 10000 (10 deterministic episodes each), ending on the best-evaluated weights as the
            // Zoo's EvalCallback keeps best_model. With the final weights seed 2 ended at 441.4 ± 69.6 (seed 1: 500).
            EvalFreq = 10_000, EvalEpisodes = 10,
        },
        "Acrobot-v1" => new TrpoConfig { Normalize = true, NEnvs = 2, NTimesteps = 100_000, NSteps = 1024 },
        "MountainCar-v0" => new TrpoConfig { Normalize = true, NEnvs = 2, NTimesteps = 100_000, NSteps = 1024, NCriticUpdates = 20 },
        "Pendulum-v1" => new TrpoConfig { NEnvs = 2, NTimesteps = 100_000, NSteps = 1024, Gamma = 0.9, NCriticUpdates = 15, UseSde = true, SdeSampleFreq = 4 },
        "MountainCarContinuous-v0" => new TrpoConfig { Normalize = true, NEnvs = 2, NTimesteps = 50_000, UseSde = true, SdeSampleFreq = 4 },
        _ => throw Unknown("trpo", env),
    };

    /// <summary>
    /// REINFORCE preset for an environment id. The Zoo has no REINFORCE (SB3 does not ship it), so these are Zero's own:
    /// the defaults (learned baseline, normalised advantages, Adam 1e-3, [64, 64] tanh) with a budget per environment.
    /// </summary>
    public static ReinforceConfig Reinforce(string env) => env switch
    {
        "CartPole-v1" => new ReinforceConfig { NTimesteps = 200_000 },
        "Acrobot-v1" => new ReinforceConfig { NTimesteps = 500_000 },
        "Pendulum-v1" => new ReinforceConfig { NTimesteps = 1_000_000, Gamma = 0.9 },
        _ => throw Unknown("reinforce", env),
    };

    private static ZeroException Unknown(string algo, string env) => new(
        $"There is no {algo} preset for '{env}'. Presets: ppo for CartPole-v1, Acrobot-v1, MountainCar-v0, Pendulum-v1, MountainCarContinuous-v0; " +
        "dqn for CartPole-v1, Acrobot-v1, MountainCar-v0; sac for Pendulum-v1, MountainCarContinuous-v0; a2c for every environment; td3 and ddpg for Pendulum-v1, MountainCarContinuous-v0; trpo for every environment; reinforce for CartPole-v1, Acrobot-v1, Pendulum-v1.");
}
