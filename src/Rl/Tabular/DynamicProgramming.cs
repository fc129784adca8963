namespace Zero.Rl.Tabular;

/// <summary>
/// Planning with a full model (Sutton &amp; Barto ch. 4): iterative policy evaluation, value iteration, greedy
/// policies, and exact evaluation of a deterministic policy by solving the linear Bellman system (used by the
/// tests as the ground truth for the Bellman optimality fixed point). Policies are tables π[s][a] of probabilities.
/// </summary>
public static class DynamicProgramming
{
    /// <summary>The result of value iteration: optimal values, a greedy policy and the sweeps it took.</summary>
    public sealed record ValueIterationResult(double[] Values, int[] Policy, int Sweeps);

    /// <summary>
    /// Value iteration (in-place sweeps): V(s) ← max_a Σ p·(r + γV(s′)) until the largest change is below
    /// <paramref name="theta"/>. Throws <see cref="ArgumentOutOfRangeException"/> for γ outside [0, 1].
    /// </summary>
    public static ValueIterationResult ValueIteration(FiniteMdp mdp, double gamma, double theta = 1e-10, int maxSweeps = 1_000_000)
    {
        CheckGamma(gamma);
        var v = new double[mdp.StateCount];
        int sweeps = 0;
        double delta;
        do
        {
            delta = 0;
            for (int s = 0; s < mdp.StateCount; s++)
            {
                if (mdp.IsTerminal(s))
                {
                    continue;
                }
                double best = double.NegativeInfinity;
                for (int a = 0; a < mdp.ActionCount; a++)
                {
                    if (mdp.IsAvailable(s, a))
                    {
                        best = Math.Max(best, mdp.Backup(s, a, v, gamma));
                    }
                }
                delta = Math.Max(delta, Math.Abs(best - v[s]));
                v[s] = best;
            }
            sweeps++;
        }
        while (delta >= theta && sweeps < maxSweeps);
        return new ValueIterationResult(v, GreedyPolicy(mdp, v, gamma), sweeps);
    }

    /// <summary>Iterative policy evaluation of a stochastic policy π[s][a] until the largest change is below θ.</summary>
    public static double[] EvaluatePolicy(FiniteMdp mdp, double[][] policy, double gamma, double theta = 1e-10, int maxSweeps = 1_000_000)
    {
        CheckGamma(gamma);
        var v = new double[mdp.StateCount];
        double delta;
        int sweeps = 0;
        do
        {
            delta = 0;
            for (int s = 0; s < mdp.StateCount; s++)
            {
                if (mdp.IsTerminal(s))
                {
                    continue;
                }
                double value = 0;
                for (int a = 0; a < mdp.ActionCount; a++)
                {
                    if (policy[s][a] > 0)
                    {
                        value += policy[s][a] * mdp.Backup(s, a, v, gamma);
                    }
                }
                delta = Math.Max(delta, Math.Abs(value - v[s]));
                v[s] = value;
            }
            sweeps++;
        }
        while (delta >= theta && sweeps < maxSweeps);
        return v;
    }

    /// <summary>The equiprobable random policy over the available actions of each state.</summary>
    public static double[][] UniformPolicy(FiniteMdp mdp)
    {
        var pi = new double[mdp.StateCount][];
        for (int s = 0; s < mdp.StateCount; s++)
        {
            pi[s] = new double[mdp.ActionCount];
            int n = Enumerable.Range(0, mdp.ActionCount).Count(a => mdp.IsAvailable(s, a));
            for (int a = 0; a < mdp.ActionCount; a++)
            {
                pi[s][a] = mdp.IsAvailable(s, a) ? 1.0 / n : 0.0;
            }
        }
        return pi;
    }

    /// <summary>A greedy action per state with respect to V (lowest index on ties; −1 for terminal states).</summary>
    public static int[] GreedyPolicy(FiniteMdp mdp, ReadOnlySpan<double> v, double gamma)
    {
        var policy = new int[mdp.StateCount];
        for (int s = 0; s < mdp.StateCount; s++)
        {
            policy[s] = -1;
            double best = double.NegativeInfinity;
            for (int a = 0; a < mdp.ActionCount; a++)
            {
                if (!mdp.IsAvailable(s, a))
                {
                    continue;
                }
                double q = mdp.Backup(s, a, v, gamma);
                if (q > best + 1e-12)
                {
                    best = q;
                    policy[s] = a;
                }
            }
        }
        return policy;
    }

    /// <summary>
    /// Exact v_π of a deterministic policy: solves (I − γP_π)v = r_π by Gaussian elimination with partial pivoting.
    /// Needs γ &lt; 1 or a policy that reaches a terminal state. Throws <see cref="InvalidOperationException"/> when singular.
    /// </summary>
    public static double[] SolveDeterministicPolicy(FiniteMdp mdp, int[] policy, double gamma)
    {
        int n = mdp.StateCount;
        var m = new double[n, n + 1];
        for (int s = 0; s < n; s++)
        {
            m[s, s] = 1;
            if (mdp.IsTerminal(s))
            {
                continue;
            }
            foreach (Transition t in mdp.Transitions(s, policy[s])!)
            {
                m[s, t.Next] -= gamma * t.Probability;
                m[s, n] += t.Probability * t.Reward;
            }
        }
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }
            if (Math.Abs(m[pivot, col]) < 1e-14)
            {
                throw new InvalidOperationException("The Bellman system of this policy is singular (γ = 1 with a policy that never terminates).");
            }
            for (int k = 0; k <= n; k++)
            {
                (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
            }
            for (int r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }
                double f = m[r, col] / m[col, col];
                for (int k = col; k <= n; k++)
                {
                    m[r, k] -= f * m[col, k];
                }
            }
        }
        var v = new double[n];
        for (int s = 0; s < n; s++)
        {
            v[s] = m[s, n] / m[s, s];
        }
        return v;
    }

    private static void CheckGamma(double gamma)
    {
        if (gamma is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "The discount γ must lie in [0, 1].");
        }
    }
}
