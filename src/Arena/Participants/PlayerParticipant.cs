using Zero.Games;
using Zero.Search.Players;

namespace Zero.Arena.Participants;

/// <summary>
/// An internal player (random, perfect, alpha-beta, MCTS, a network with a playout count) as an arena participant:
/// it runs in this process, so it cannot crash or stall the way an engine can, and it keeps its own limit (playouts,
/// depth, time). Built by the arena command from `zero play`'s opponent specs and by training's evaluation.
/// </summary>
public sealed class PlayerParticipant<TGame, TMove>(IPlayer<TGame, TMove> player, string? name = null) : IParticipant<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    /// <summary>The player inside.</summary>
    public IPlayer<TGame, TMove> Player => player;

    public string Name { get; } = name ?? player.Name;

    public string? NewGame()
    {
        player.NewGame();
        return null;
    }

    public MoveReply<TMove> Think(MoveRequest<TGame, TMove> request)
    {
        TMove move = player.ChooseMove(request.Position, request.Cancellation);
        return MoveReply<TMove>.Played(move, request.Position.FormatMove(move));
    }

    public void Dispose() => (player as IDisposable)?.Dispose();
}
