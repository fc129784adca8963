namespace Zero.Search.Mcts;

/// <summary>Where a <see cref="Node"/> is in its life: a leaf that was never evaluated, in flight, or done.</summary>
internal enum NodeState : byte
{
    /// <summary>Never reached; its position is not yet known to be terminal or not.</summary>
    Unexpanded = 0,

    /// <summary>Queued for evaluation by a search thread; reaching it again is a collision.</summary>
    Pending = 1,

    /// <summary>Evaluated; its children exist.</summary>
    Expanded = 2,

    /// <summary>The game is over here; <see cref="Node.Value"/> is exact and is backed up on every visit.</summary>
    Terminal = 3,

    /// <summary>Evaluated, but the memory cap left no room for its children; its value is backed up on every visit.</summary>
    Capped = 4,
}
