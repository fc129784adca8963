namespace Zero.Games;

/// <summary>
/// The one contract every game implements. A game is an immutable struct (copy-make): <see cref="Play"/>
/// returns the next position and never changes this one, so search trees, self-play workers and the
/// arena can hold positions by value without defensive copies. The contract is generic over the struct
/// itself (<typeparamref name="TSelf"/>) and over its move type, so the JIT specialises the search and
/// the trainer for each game with no interface dispatch in hot loops.
/// </summary>
/// <remarks>
/// Conventions (see docs/architecture.md, glossary):
/// <list type="bullet">
/// <item>Values and outcomes are from the side to move.</item>
/// <item>An action is the policy-head index of a move, in the side-to-move frame: 0 ≤ action &lt; ActionCount.</item>
/// <item>Features are <c>InputShape.Planes × Height × Width</c> floats, plane-major (NCHW for one position).</item>
/// <item>Symmetry 0 is the identity; <see cref="ApplySymmetry"/> and <see cref="TransformAction"/> agree, which the
/// contract tests check, so the trainer can augment data with either.</item>
/// </list>
/// Every game passes the shared contract tests in tests/Zero.Games.Tests/GameContractTests.cs.
/// </remarks>
public interface IGame<TSelf, TMove>
    where TSelf : struct, IGame<TSelf, TMove>
    where TMove : struct, IEquatable<TMove>
{
    /// <summary>Short lower-case name used on the command line and in files ("tictactoe", "connect4", "chess").</summary>
    static abstract string Name { get; }

    /// <summary>Size of the policy head: every action index is below this.</summary>
    static abstract int ActionCount { get; }

    /// <summary>An upper bound on the number of legal moves in any position: the size of a move buffer.</summary>
    static abstract int MaxMoves { get; }

    /// <summary>Shape of the network input for one position.</summary>
    static abstract InputShape InputShape { get; }

    /// <summary>Number of symmetries, identity included (1 when the game has none worth using).</summary>
    static abstract int SymmetryCount { get; }

    /// <summary>The starting position.</summary>
    static abstract TSelf Initial { get; }

    /// <summary>
    /// Parses a position in the game's own notation (tic-tac-toe "5127", Connect Four "4453", chess FEN or
    /// "startpos moves e2e4"). An empty string or "-" is the initial position. Never throws on bad input.
    /// </summary>
    static abstract bool TryParsePosition(string text, out TSelf position, out string? error);

    /// <summary>Maps an action through symmetry <paramref name="symmetry"/> (0 = identity).</summary>
    static abstract int TransformAction(int action, int symmetry);

    /// <summary>Plies played since the initial position (or since the FEN's starting point for chess).</summary>
    int Ply { get; }

    /// <summary>The player to move: 0 for the first player (X, first Connect Four player, White), 1 for the second.</summary>
    int SideToMove { get; }

    /// <summary>The result from the side to move's point of view, or null while the game goes on.</summary>
    GameResult? Outcome { get; }

    /// <summary>A Zobrist-style hash of the position (everything that changes the legal moves or the outcome).</summary>
    ulong Hash { get; }

    /// <summary>
    /// Writes the legal moves into <paramref name="moves"/> (at least <c>MaxMoves</c> long) and returns how many.
    /// Returns 0 when the game is over.
    /// </summary>
    int GenerateMoves(Span<TMove> moves);

    /// <summary>Returns the position after <paramref name="move"/>; this position is unchanged. The move must be legal.</summary>
    TSelf Play(TMove move);

    /// <summary>The policy index of <paramref name="move"/> in the side-to-move frame; injective over legal moves.</summary>
    int ActionIndex(TMove move);

    /// <summary>Writes the network input planes into <paramref name="destination"/> (InputShape.Size floats).</summary>
    void WriteFeatures(Span<float> destination);

    /// <summary>The position mapped through symmetry <paramref name="symmetry"/> (0 = identity).</summary>
    TSelf ApplySymmetry(int symmetry);

    /// <summary>Formats a move in the game's notation ("5" for a tic-tac-toe cell, "4" for a column, "e2e4").</summary>
    string FormatMove(TMove move);

    /// <summary>Parses a move that must be legal in this position. Never throws on bad input.</summary>
    bool TryParseMove(string text, out TMove move, out string? error);

    /// <summary>The position in the notation <see cref="TryParsePosition"/> reads.</summary>
    string FormatPosition();

    /// <summary>A multi-line picture of the board for a terminal.</summary>
    string Render();
}
