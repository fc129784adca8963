namespace Zero.Arena.Participants;

/// <summary>
/// A participant's answer to a <see cref="MoveRequest{TGame,TMove}"/>: a move (checked by the referee), or the
/// fault that kept it from answering. <see cref="Score"/> is the engine's own evaluation of the position from its
/// side, when it reported one: the draw and resign adjudication read it.
/// </summary>
public readonly record struct MoveReply<TMove>(ReplyKind Kind, TMove Move, string Text, EngineScore? Score, string? Detail)
    where TMove : struct, IEquatable<TMove>
{
    /// <summary>A legal-looking move (the referee still checks it).</summary>
    public static MoveReply<TMove> Played(TMove move, string text, EngineScore? score = null) => new(ReplyKind.Move, move, text, score, null);

    /// <summary>No answer before the deadline.</summary>
    public static MoveReply<TMove> Late(string? detail = null) => new(ReplyKind.Late, default, "", null, detail);

    /// <summary>The engine exited or its pipe broke.</summary>
    public static MoveReply<TMove> Disconnected(string detail) => new(ReplyKind.Disconnect, default, "", null, detail);

    /// <summary>The engine answered something that is not a legal move.</summary>
    public static MoveReply<TMove> Illegal(string text, string detail, EngineScore? score = null) => new(ReplyKind.Illegal, default, text, score, detail);
}

/// <summary>How a participant answered: a move, nothing in time, a dead engine, or an illegal move.</summary>
public enum ReplyKind
{
    Move,
    Late,
    Disconnect,
    Illegal,
}
