using Zero.Games;

namespace Zero.Arena.Participants;

/// <summary>
/// Anything that plays arena games: an internal player (<see cref="PlayerParticipant{TGame,TMove}"/>), a UCI engine
/// in a child process (<see cref="Engines.UciParticipant"/>) and, for Go, a GTP engine. The <see cref="Play.Referee"/>
/// talks to every participant through this seam and keeps the clocks itself; a participant only answers. A
/// participant never throws for its engine's faults: a crash, a stall or an unreadable move comes back as a
/// <see cref="MoveReply{TMove}"/> or a <see cref="NewGame"/> problem, so the referee can score the game.
/// </summary>
public interface IParticipant<TGame, TMove> : IDisposable
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    /// <summary>The name reports and PGN tags use.</summary>
    string Name { get; }

    /// <summary>
    /// Gets ready for a new game (`ucinewgame` + `isready` for UCI). Returns null when ready, else why not ("stall:
    /// no readyok within 10 s", "disconnect: the engine exited"). Blocks at most the participant's ping bound.
    /// </summary>
    string? NewGame();

    /// <summary>Chooses a move for <paramref name="request"/>'s position; waits at most <see cref="MoveRequest{TGame,TMove}.Deadline"/>.</summary>
    MoveReply<TMove> Think(MoveRequest<TGame, TMove> request);
}
