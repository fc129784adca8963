namespace Zero.Rl.Tabular;

/// <summary>
/// The recycling robot of Sutton &amp; Barto, Example 3.3: battery states high and low; in high the robot may
/// search or wait, in low it may also recharge. Searching from high stays high with probability α (else drops to
/// low); searching from low stays low with probability β, otherwise the battery dies, the robot is rescued
/// (reward −3) and recharged to high. Search earns r_search, wait r_wait (r_search &gt; r_wait), recharge 0.
/// </summary>
public static class RecyclingRobot
{
    /// <summary>State indices.</summary>
    public const int High = 0, Low = 1;

    /// <summary>Action indices.</summary>
    public const int Search = 0, Wait = 1, Recharge = 2;

    /// <summary>The rescue reward when the battery runs flat.</summary>
    public const double RescueReward = -3.0;

    /// <summary>Builds the MDP. Throws <see cref="ArgumentOutOfRangeException"/> when α or β is not a probability.</summary>
    public static FiniteMdp Create(double alpha, double beta, double rSearch, double rWait)
    {
        if (alpha is < 0 or > 1 || beta is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), $"α = {alpha} and β = {beta} must both be probabilities in [0, 1].");
        }
        Transition[]?[][] model =
        [
            [
                [new(High, alpha, rSearch), new(Low, 1 - alpha, rSearch)],
                [new(High, 1, rWait)],
                null,
            ],
            [
                [new(High, 1 - beta, RescueReward), new(Low, beta, rSearch)],
                [new(Low, 1, rWait)],
                [new(High, 1, 0)],
            ],
        ];
        return new FiniteMdp(["high", "low"], ["search", "wait", "recharge"], model);
    }
}
