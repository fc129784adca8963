namespace Zero.Search.Mcts;

/// <summary>
/// When a search stops: the first limit reached wins; <see cref="Infinite"/> ignores them all until <c>Stop</c>.
/// Zero means "no limit of this kind"; at least one limit (or Infinite) must be given.
/// </summary>
/// <param name="Playouts">Leaves evaluated (or terminal leaves visited) by this search.</param>
/// <param name="Visits">Root visits, counting those kept from the previous move by tree reuse.</param>
/// <param name="Time">Wall time, measured with the search's <see cref="TimeProvider"/>.</param>
/// <param name="Infinite">Search until <c>Stop</c> is called.</param>
public sealed record SearchLimits(long Playouts = 0, long Visits = 0, TimeSpan? Time = null, bool Infinite = false)
{
    /// <summary>A playout limit.</summary>
    public static SearchLimits FromPlayouts(long playouts) => new(Playouts: playouts);

    /// <summary>True when some limit can end the search without <c>Stop</c>.</summary>
    public bool IsFinite => !Infinite && (Playouts > 0 || Visits > 0 || Time is not null);

    /// <exception cref="ArgumentException">No limit is set, or one is negative.</exception>
    public void Validate()
    {
        if (Playouts < 0 || Visits < 0 || Time < TimeSpan.Zero)
        {
            throw new ArgumentException($"search limits must not be negative: {this}");
        }
        if (!Infinite && !IsFinite)
        {
            throw new ArgumentException("a search needs a limit: set Playouts, Visits or Time, or Infinite and call Stop");
        }
    }
}
