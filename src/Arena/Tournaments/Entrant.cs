using Zero.Arena.Participants;
using Zero.Games;

namespace Zero.Arena.Tournaments;

/// <summary>
/// A participant of a tournament as the scheduler sees it: its name, its search limit and time margin, and a
/// factory that makes a fresh instance (each concurrent game slot owns its own; `--recover` makes a new one after a
/// crash or stall). Built by the arena command from an <see cref="Engines.EngineSpec"/>.
/// </summary>
public sealed record Entrant<TGame, TMove>(string Name, SearchLimit Limit, TimeSpan Margin, Func<IParticipant<TGame, TMove>> Create)
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>;
