namespace Zero.SelfPlay.Training;

/// <summary>
/// The parts of the AlphaZero loss l = (z − v)² − πᵀ log p + c‖θ‖² for one step or averaged over a phase: value
/// (mean squared error against the outcome), policy (soft-target cross-entropy against the visit distribution),
/// L2 (c‖θ‖²) and their sum. Reported by the network's training step; shown live and written to the metrics file.
/// </summary>
public readonly record struct LossParts(double Policy, double Value, double L2)
{
    public double Total => Policy + Value + L2;

    /// <summary>The sum of two loss records (for averaging).</summary>
    public static LossParts operator +(LossParts a, LossParts b) => new(a.Policy + b.Policy, a.Value + b.Value, a.L2 + b.L2);

    /// <summary>The parts divided by <paramref name="n"/>.</summary>
    public LossParts Divide(int n) => n == 0 ? this : new(Policy / n, Value / n, L2 / n);
}
