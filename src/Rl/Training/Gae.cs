namespace Zero.Rl.Training;

/// <summary>
/// Generalised advantage estimation (Schulman et al. 2016) over a rollout of T steps × N environments, as SB3's
/// <c>compute_returns_and_advantage</c>: δ_t = r_t + γ·V_{t+1}·(1 − done_t) − V_t, A_t = δ_t + γλ(1 − done_t)·A_{t+1},
/// returns = A + V. Arrays are [t·N + i]; done_t means the episode ended at step t (the next row is a new episode;
/// time-limit truncations were already bootstrapped into r_t).
/// </summary>
public static class Gae
{
    /// <summary>Fills <paramref name="advantages"/> and <paramref name="returns"/>.</summary>
    public static void Compute(int steps, int envs, ReadOnlySpan<float> rewards, ReadOnlySpan<float> values, ReadOnlySpan<bool> dones,
        ReadOnlySpan<float> lastValues, double gamma, double lambda, Span<float> advantages, Span<float> returns)
    {
        for (int i = 0; i < envs; i++)
        {
            double gae = 0;
            for (int t = steps - 1; t >= 0; t--)
            {
                int k = (t * envs) + i;
                double nextValue = t == steps - 1 ? lastValues[i] : values[k + envs];
                double notDone = dones[k] ? 0 : 1;
                double delta = rewards[k] + (gamma * nextValue * notDone) - values[k];
                gae = delta + (gamma * lambda * notDone * gae);
                advantages[k] = (float)gae;
                returns[k] = (float)(gae + values[k]);
            }
        }
    }
}
