namespace Zero.Search.Mcts;

/// <summary>Why a search ended; carried by <see cref="SearchResult{TMove}"/>.</summary>
public enum StopReason
{
    /// <summary>A playout, visit or time limit was reached.</summary>
    Limit,

    /// <summary><c>Stop</c> was called (or the cancellation token fired).</summary>
    Stopped,

    /// <summary>No other move could overtake the best one in the remaining budget (smart pruning).</summary>
    SmartPruning,

    /// <summary>The tree reached <see cref="MctsOptions.MaxNodes"/> with <see cref="MemoryFullBehavior.Stop"/>.</summary>
    MemoryFull,
}
