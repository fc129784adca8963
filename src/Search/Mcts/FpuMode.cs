namespace Zero.Search.Mcts;

/// <summary>How an unvisited child is valued during selection (first-play urgency); see <see cref="MctsOptions.Fpu"/>.</summary>
public enum FpuMode
{
    /// <summary>The parent's Q minus <c>FpuValue × √(sum of priors of visited children)</c>, as Lc0 does.</summary>
    Reduction,

    /// <summary>The fixed value <c>FpuValue</c> (AlphaZero's pseudocode uses 0).</summary>
    Absolute,
}
