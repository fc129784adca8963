using Zero.Games.Chess;

namespace Zero.Uci.Protocol;

/// <summary>
/// Reads the UCI `position startpos|fen FEN [moves m1 m2 ...]` line. Like <see cref="ChessPosition.TryParsePosition"/>,
/// but a GUI may keep playing after a threefold repetition or the fifty-move rule (those draws must be claimed in
/// over-the-board chess), so a move that the board allows after such a draw is still accepted: the game goes on
/// from that board without the repetition history. Also makes the root a search can start from
/// (<see cref="SearchableRoot"/>). Used by <see cref="UciEngine"/>; never throws.
/// </summary>
public static class UciPosition
{
    public static bool TryParse(string line, out ChessPosition position, out string? error)
    {
        position = ChessPosition.Initial;
        string[] words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int start = words.Length > 0 && words[0] == "position" ? 1 : 0;
        if (start >= words.Length || (words[start] != "startpos" && words[start] != "fen"))
        {
            error = "position: write 'position startpos [moves e2e4 ...]' or 'position fen <FEN> [moves ...]'";
            return false;
        }
        int movesAt = Array.IndexOf(words, "moves", start);
        string basePart = string.Join(' ', words[start..(movesAt < 0 ? words.Length : movesAt)]);
        if (!ChessPosition.TryParsePosition(basePart, out ChessPosition p, out error))
        {
            return false;
        }
        if (movesAt >= 0)
        {
            for (int m = movesAt + 1; m < words.Length; m++)
            {
                if (p.TryParseMove(words[m], out ChessMove move, out string? moveError))
                {
                    p = p.Play(move);
                    continue;
                }
                if (p.Outcome is not null && TryBoardMove(p.Board, words[m], out move))
                {
                    p = ChessPosition.FromBoard(p.Board.Play(move));
                    continue;
                }
                error = $"move {m - movesAt} ({words[m]}) of the list: {moveError}";
                return false;
            }
        }
        position = p;
        error = null;
        return true;
    }

    /// <summary>
    /// The position the search starts from: <paramref name="position"/> itself, or, when a claimable draw (repetition,
    /// fifty moves) would end the game although moves remain, the same board with no history and the halfmove clock
    /// at 0, so the engine still answers with a move. Returns false when the board has no legal move (mate, stalemate)
    /// or is a dead draw.
    /// </summary>
    public static bool SearchableRoot(in ChessPosition position, out ChessPosition root)
    {
        root = position;
        if (position.Outcome is null)
        {
            return true;
        }
        ChessBoard board = position.Board;
        if (!board.HasLegalMoves())
        {
            return false;
        }
        string[] fields = Fen.Format(in board).Split(' ');
        fields[4] = "0";
        if (Fen.TryParse(string.Join(' ', fields), out ChessBoard fresh, out _))
        {
            root = ChessPosition.FromBoard(fresh);
        }
        return root.Outcome is null;
    }

    private static bool TryBoardMove(in ChessBoard board, string text, out ChessMove move)
    {
        move = default;
        Span<ChessMove> moves = stackalloc ChessMove[ChessPosition.MaxMoves];
        int n = board.GenerateMoves(moves);
        for (int i = 0; i < n; i++)
        {
            if (moves[i].ToString() == text)
            {
                move = moves[i];
                return true;
            }
        }
        return false;
    }
}
