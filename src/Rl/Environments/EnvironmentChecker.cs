using Zero.Rl.Spaces;

namespace Zero.Rl.Environments;

/// <summary>
/// Gymnasium's <c>check_env</c> for the <see cref="IEnvironment"/> contract: runs a user's environment through
/// reset and a few hundred random steps and reports every broken promise with a message that says how to fix
/// it. Called by users before training on their own environment (<see cref="CheckOrThrow"/>), and by the tests
/// on every built-in environment.
/// </summary>
public static class EnvironmentChecker
{
    /// <summary>Runs every check; <paramref name="create"/> must return a fresh environment each call.</summary>
    public static IReadOnlyList<CheckProblem> Check(Func<IEnvironment> create, int steps = 300, int seed = 123)
    {
        var problems = new List<CheckProblem>();
        void Error(string m) => problems.Add(new CheckProblem(true, m));
        void Warn(string m) => problems.Add(new CheckProblem(false, m));

        IEnvironment env;
        try
        {
            env = create();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Error($"Creating the environment threw {e.GetType().Name}: {e.Message}. Make the constructor succeed with no outside state.");
            return problems;
        }

        // 1. Spaces.
        if (env.ObservationSpace is null || env.ActionSpace is null)
        {
            Error("ObservationSpace and ActionSpace must not be null: return a BoxSpace or DiscreteSpace from each property.");
            return problems;
        }
        if (env.ObservationSpace is not BoxSpace obsBox)
        {
            Error($"The observation space is {env.ObservationSpace}; the learners read float vectors, so declare a BoxSpace (one-hot encode a discrete state into a Box of 0/1).");
            return problems;
        }
        if (env.ActionSpace is BoxSpace actBox && !actBox.IsBounded)
        {
            Error($"The action space {actBox} has infinite bounds; give it finite low/high so actions can be rescaled and clipped.");
        }
        if (env.ActionSpace is BoxSpace symmetric && symmetric.IsBounded)
        {
            for (int i = 0; i < symmetric.FlatSize; i++)
            {
                if (symmetric.Low[i] != -symmetric.High[i])
                {
                    Warn($"Action bound {i} is [{symmetric.Low[i]}, {symmetric.High[i]}], not symmetric: Gaussian and tanh policies act in [-1, 1], so wrap the environment in RescaleAction.");
                    break;
                }
            }
        }
        int obsSize = obsBox.FlatSize;
        int actSize = env.ActionSpace.FlatSize;

        // 2. Reset writes every entry, stays inside the space, and a seed makes it reproducible.
        var obs = new float[obsSize];
        var again = new float[obsSize];
        Array.Fill(obs, float.NaN);
        if (!Try(() => env.Reset(obs, seed), "Reset(observation, seed)", Error))
        {
            return problems;
        }
        int unwritten = Array.FindIndex(obs, float.IsNaN);
        if (unwritten >= 0)
        {
            Error($"Reset left observation[{unwritten}] unwritten (or NaN): write all {obsSize} values of the observation span.");
        }
        else
        {
            CheckObservation(obs, obsBox, "Reset", Error, Warn);
        }
        IEnvironment env2 = create();
        env2.Reset(again, seed);
        if (!obs.AsSpan().SequenceEqual(again))
        {
            Error($"Two fresh environments reset with seed {seed} gave different observations: reseed the environment's own RandomSource from the seed in Reset (never use an unseeded Random or the clock).");
        }
        env.Reset(obs, seed);
        env.Reset(again, seed);
        if (!obs.AsSpan().SequenceEqual(again))
        {
            Error($"Resetting the same environment twice with seed {seed} gave different observations: Reset(seed) must restart the random stream from the seed.");
        }

        // 3. Random steps: finite rewards, observations in the space, deterministic under the same seed and actions.
        var rng = new RandomSource(seed);
        var action = new float[actSize];
        var obsB = new float[obsSize];
        env.Reset(obs, seed);
        env2.Reset(obsB, seed);
        bool reportedDivergence = false;
        int episodes = 0;
        for (int t = 0; t < steps; t++)
        {
            env.ActionSpace.Sample(rng, action);
            StepResult r = default, r2 = default;
            if (!Try(() => r = env.Step(action, obs), $"Step at step {t}", Error))
            {
                return problems;
            }
            r2 = env2.Step(action, obsB);
            if (!double.IsFinite(r.Reward))
            {
                Error($"Step {t} returned reward {r.Reward}: rewards must be finite numbers.");
                break;
            }
            if (!CheckObservation(obs, obsBox, $"Step {t}", Error, Warn))
            {
                break;
            }
            if (!reportedDivergence && (r != r2 || !obs.AsSpan().SequenceEqual(obsB)))
            {
                Error($"Two environments reset with the same seed and given the same actions diverged at step {t}: the dynamics must depend only on the state, the action and the environment's seeded RandomSource.");
                reportedDivergence = true;
            }
            if (r.Done)
            {
                episodes++;
                env.Reset(obs);
                env2.Reset(obsB);
            }
        }
        if (episodes == 0 && steps >= 300)
        {
            Warn($"No episode ended in {steps} random steps: wrap the environment in TimeLimit so episodes are truncated (and bootstrapped) rather than endless.");
        }

        // 4. A discrete environment must reject actions outside its space.
        if (env.ActionSpace is DiscreteSpace d)
        {
            env.Reset(obs, seed);
            action[0] = d.N;
            bool rejected;
            try
            {
                env.Step(action, obs);
                rejected = false;
            }
            catch (ArgumentException)
            {
                rejected = true;
            }
            if (!rejected)
            {
                Warn($"Step accepted action {d.N}, outside {d}: throw ArgumentException so agent bugs surface instead of silently acting.");
            }
        }
        return problems;
    }

    /// <summary>Runs <see cref="Check"/> and throws a <see cref="ZeroException"/> listing the errors (warnings are included in the message when there are errors).</summary>
    public static void CheckOrThrow(Func<IEnvironment> create, int steps = 300, int seed = 123)
    {
        IReadOnlyList<CheckProblem> problems = Check(create, steps, seed);
        if (problems.Any(p => p.IsError))
        {
            throw new ZeroException("The environment does not follow the IEnvironment contract:\n  " + string.Join("\n  ", problems));
        }
    }

    private static bool CheckObservation(float[] obs, BoxSpace box, string where, Action<string> error, Action<string> warn)
    {
        for (int i = 0; i < obs.Length; i++)
        {
            if (!float.IsFinite(obs[i]))
            {
                error($"{where} wrote observation[{i}] = {obs[i]}: observations must be finite; clip or fix the dynamics.");
                return false;
            }
        }
        if (!box.Contains(obs))
        {
            int i = Enumerable.Range(0, obs.Length).First(j => !(obs[j] >= box.Low[j] && obs[j] <= box.High[j]));
            warn($"{where} wrote observation[{i}] = {obs[i]}, outside the declared bounds [{box.Low[i]}, {box.High[i]}]: widen the ObservationSpace or clip the observation.");
            return false;
        }
        return true;
    }

    private static bool Try(Action action, string what, Action<string> error)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error($"{what} threw {e.GetType().Name}: {e.Message}. Fix the environment so it does not throw for valid inputs.");
            return false;
        }
    }
}
