namespace Zero.Search.Mcts;

/// <summary>What the search does when the tree reaches <see cref="MctsOptions.MaxNodes"/>.</summary>
public enum MemoryFullBehavior
{
    /// <summary>Stop expanding: leaves that cannot get children keep their evaluated value, and the search goes on in the existing tree.</summary>
    KeepSearching,

    /// <summary>Stop the search and report <see cref="StopReason.MemoryFull"/>.</summary>
    Stop,
}
