using Zero.Games.Go;
using Zero.Search.Mcts;

namespace Zero.Uci.Gtp;

/// <summary>
/// The game and search behind `zero gtp`, without the network frame in its type, so <see cref="GtpEngine"/> can switch
/// frames when `boardsize` changes (9×9 plays in the go9 frame, 13×13 in go13, up to 19×19 in go, larger in go25:
/// the frame a network for that size takes). Implemented by <see cref="GtpGame{TFrame}"/>. Methods never throw on bad
/// moves: they answer with the GTP error text.
/// </summary>
public interface IGtpGame : IDisposable
{
    /// <summary>Board edge length.</summary>
    int Size { get; }

    /// <summary>The rules (size, komi, rule set, ko).</summary>
    GoRules Rules { get; }

    /// <summary>The player to move.</summary>
    GoColor ToMove { get; }

    /// <summary>Moves played since the setup (passes included).</summary>
    int MoveCount { get; }

    /// <summary>True when no stone is on the board and no move was played.</summary>
    bool IsEmpty { get; }

    /// <summary>Changes the komi of the game in progress (its moves are replayed under the new rules).</summary>
    bool TrySetKomi(double komi, out string? error);

    /// <summary>The evaluator's description (for the log).</summary>
    string EvaluatorNote { get; }

    /// <summary>Every stone on the board, row by row from the top.</summary>
    IReadOnlyList<GoMove> Stones();

    /// <summary>The board as text (showboard).</summary>
    string Render();

    /// <summary>Plays <paramref name="move"/> for <paramref name="color"/> (a pass is inserted when the other side is to move); the error when illegal.</summary>
    bool TryPlay(GoColor color, GoMove move, out string? error);

    /// <summary>Takes back the last move; false when there is none.</summary>
    bool Undo();

    /// <summary>Puts black handicap stones on the empty board (White moves next); the error when a stone is misplaced.</summary>
    bool TrySetHandicap(IReadOnlyList<GoMove> stones, out string? error);

    /// <summary>True when <paramref name="move"/> is a legal stone for <paramref name="color"/> now.</summary>
    bool IsLegal(GoColor color, GoMove move);

    /// <summary>Starts a search for <paramref name="color"/> (returns at once).</summary>
    void StartSearch(GoColor color, SearchLimits limits);

    /// <summary>Asks the running search to stop (returns at once).</summary>
    void StopSearch();

    /// <summary>True while a search runs.</summary>
    bool IsSearching { get; }

    /// <summary>The running or finished search's state.</summary>
    GtpAnalysis Snapshot();

    /// <summary>Waits for the search to end and returns its result.</summary>
    GtpAnalysis Wait();

    /// <summary>The score with dead stones estimated (final_score, final_status_list).</summary>
    GoFinalScore FinalScore();

    /// <summary>Dead opponent stones of <paramref name="color"/> by the estimate (kgs-genmove_cleanup).</summary>
    int DeadStonesOf(GoColor color);

    /// <summary>Ownership per point (row-major, row 0 at the top) from Black's side, by light playouts from the current board.</summary>
    float[] Ownership(int playouts);

    /// <summary>The game as SGF FF[4].</summary>
    string ToSgf();

    /// <summary>Replaces the game with an SGF record, up to (not including) move <paramref name="moveNumber"/> (null: all moves).</summary>
    bool TryLoadSgf(string text, int? moveNumber, out string? error);
}
