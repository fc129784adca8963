namespace Zero.Rl.Tabular;

/// <summary>
/// Model-free tabular learning from sampled transitions of a <see cref="FiniteMdp"/> (Sutton &amp; Barto ch. 6):
/// Q-learning with an ε-greedy behaviour policy and TD(0) evaluation of a given policy. Both run one long
/// trajectory (restarting from a uniformly random non-terminal state when a terminal state is reached) with a
/// per-pair step size α = 1/n^<see cref="StepSizeExponent"/>, which meets the Robbins–Monro conditions.
/// </summary>
public static class TabularLearning
{
    /// <summary>Exponent ω of the step size 1/n^ω (0.5 &lt; ω ≤ 1 converges).</summary>
    public const double StepSizeExponent = 0.7;

    /// <summary>Q-learning: Q(s,a) ← Q(s,a) + α[r + γ·max_a′ Q(s′,a′) − Q(s,a)] under an ε-greedy behaviour policy.</summary>
    public static double[][] QLearning(FiniteMdp mdp, double gamma, long steps, double epsilon, RandomSource random)
    {
        int nS = mdp.StateCount, nA = mdp.ActionCount;
        var q = new double[nS][];
        var visits = new long[nS][];
        for (int s = 0; s < nS; s++)
        {
            q[s] = new double[nA];
            visits[s] = new long[nA];
        }
        int state = RandomStart(mdp, random);
        for (long t = 0; t < steps; t++)
        {
            // 1. Behave ε-greedily among the available actions.
            int a = random.NextDouble() < epsilon ? RandomAction(mdp, state, random) : Greedy(mdp, q[state], state);

            // 2. Sample the environment and back up towards the greedy target.
            (int next, double reward) = mdp.Sample(state, a, random);
            double target = reward + (mdp.IsTerminal(next) ? 0 : gamma * MaxAvailable(mdp, q[next], next));
            double alpha = 1.0 / Math.Pow(++visits[state][a], StepSizeExponent);
            q[state][a] += alpha * (target - q[state][a]);
            state = mdp.IsTerminal(next) ? RandomStart(mdp, random) : next;
        }
        return q;
    }

    /// <summary>TD(0) evaluation of π[s][a]: V(s) ← V(s) + α[r + γV(s′) − V(s)].</summary>
    public static double[] TdZero(FiniteMdp mdp, double[][] policy, double gamma, long steps, RandomSource random)
    {
        var v = new double[mdp.StateCount];
        var visits = new long[mdp.StateCount];
        int state = RandomStart(mdp, random);
        for (long t = 0; t < steps; t++)
        {
            int a = SampleAction(policy[state], random);
            (int next, double reward) = mdp.Sample(state, a, random);
            double alpha = 1.0 / Math.Pow(++visits[state], StepSizeExponent);
            v[state] += alpha * (reward + (gamma * v[next]) - v[state]);
            state = mdp.IsTerminal(next) ? RandomStart(mdp, random) : next;
        }
        return v;
    }

    /// <summary>max over available actions of Q(s, ·).</summary>
    public static double MaxAvailable(FiniteMdp mdp, double[] qs, int s)
    {
        double best = double.NegativeInfinity;
        for (int a = 0; a < qs.Length; a++)
        {
            if (mdp.IsAvailable(s, a))
            {
                best = Math.Max(best, qs[a]);
            }
        }
        return best;
    }

    private static int Greedy(FiniteMdp mdp, double[] qs, int s)
    {
        int best = -1;
        for (int a = 0; a < qs.Length; a++)
        {
            if (mdp.IsAvailable(s, a) && (best < 0 || qs[a] > qs[best]))
            {
                best = a;
            }
        }
        return best;
    }

    private static int RandomAction(FiniteMdp mdp, int s, RandomSource random)
    {
        int a;
        do
        {
            a = random.NextInt(mdp.ActionCount);
        }
        while (!mdp.IsAvailable(s, a));
        return a;
    }

    private static int SampleAction(double[] probabilities, RandomSource random)
    {
        double u = random.NextDouble();
        for (int a = 0; a < probabilities.Length; a++)
        {
            u -= probabilities[a];
            if (u < 0)
            {
                return a;
            }
        }
        return Array.FindLastIndex(probabilities, p => p > 0);
    }

    private static int RandomStart(FiniteMdp mdp, RandomSource random)
    {
        int s;
        do
        {
            s = random.NextInt(mdp.StateCount);
        }
        while (mdp.IsTerminal(s));
        return s;
    }
}
