namespace Zero.Rl.Algorithms;

/// <summary>Returns of evaluation episodes with their mean and (population) standard deviation, as SB3's evaluate_policy.</summary>
public sealed record EpisodeReturns(string Environment, double[] Returns)
{
    /// <summary>Mean return.</summary>
    public double Mean => Returns.Average();

    /// <summary>Standard deviation of the returns (NumPy's np.std, population).</summary>
    public double Std => Math.Sqrt(Returns.Select(r => (r - Mean) * (r - Mean)).Average());
}
