using System.Runtime.CompilerServices;
using System.Text;

namespace Zero.Games.Chess;

/// <summary>
/// Chess as a game of the <see cref="IGame{TSelf, TMove}"/> contract: a <see cref="ChessBoard"/> plus what the board
/// alone cannot know, the positions since the last capture or pawn move (<see cref="ChessHistory"/>) for threefold
/// repetition and the network's history planes. Search, self-play, the arena and <c>zero analyze chess</c> use it.
/// </summary>
/// <remarks>
/// <para>The game ends (Outcome, and GenerateMoves returns 0) on checkmate, stalemate, the third occurrence of a
/// position, the fifty-move rule (100 plies without capture or pawn move, unless the last move mated) and dead
/// material (<see cref="ChessBoard.IsInsufficientMaterial"/>). Draws by repetition and fifty moves are applied at
/// once, as self-play and arena games want, rather than waiting for a claim.</para>
/// <para>Text: <see cref="TryParsePosition"/> reads a bare FEN, <c>fen FEN [moves m1 m2 ...]</c>,
/// <c>startpos [moves ...]</c>, <c>chess960 N [moves ...]</c> (Chess960 start position 0-959), an optional leading
/// <c>position</c> (a UCI line) and "" or "-" for the start. FEN castling may be KQkq or rook files (Chess960).
/// <see cref="FormatPosition"/> writes the FEN, followed by <c>moves ...</c> from the last capture or pawn move when
/// there are reversible moves behind the position: those carry the repetition history, so the text reproduces the
/// position exactly (hash, outcome and network input). <see cref="Fen"/> is the bare FEN.</para>
/// <para>Hash: the board's Zobrist hash (pieces, side, castling, en passant), with <see cref="Zobrist.DrawByRule"/>
/// mixed in when a repetition or the fifty-move rule ends the game, so positions that differ in outcome never share
/// a hash. The history planes are not hashed: equal boards with different pasts transpose.</para>
/// <para>Ply counts from the FEN move number: <c>2 × (fullmove − 1) + side to move</c>.</para>
/// </remarks>
public readonly struct ChessPosition : IGame<ChessPosition, ChessMove>, IEquatable<ChessPosition>
{
    private readonly ChessBoard _board;
    private readonly ChessHistory? _history;
    private readonly int _repetitions;

    private ChessPosition(in ChessBoard board, ChessHistory? history, int repetitions)
    {
        _board = board;
        _history = history;
        _repetitions = repetitions;
    }

    public static string Name => "chess";
    public static int ActionCount => ChessEncoding.PolicySize;
    public static int MaxMoves => MoveGenerator.MaxMoves;
    public static InputShape InputShape => new(ChessEncoding.Planes, 8, 8);
    public static int SymmetryCount => 1;
    public static ChessPosition Initial { get; } = new(ChessBoard.Start, null, 0);

    /// <summary>A position with no history from a board.</summary>
    public static ChessPosition FromBoard(in ChessBoard board) => new(board, null, 0);

    /// <summary>The board: pieces, side to move, castling, en passant, clocks.</summary>
    public ChessBoard Board => _board;

    /// <summary>The earlier positions back to the last capture or pawn move, newest first (null when none).</summary>
    public ChessHistory? History => _history;

    /// <summary>How often this position occurred before in the game (2 means this is the third time).</summary>
    public int Repetitions => _repetitions;

    /// <summary>The position as FEN, without the moves that <see cref="FormatPosition"/> may add.</summary>
    public string Fen => Chess.Fen.Format(in _board);

    public int Ply => 2 * (_board.FullmoveNumber - 1) + _board.SideToMove;
    public int SideToMove => _board.SideToMove;

    /// <summary>True when a draw rule other than stalemate ends the game here (repetition, fifty moves, dead material).</summary>
    private bool IsDrawnByRule => _repetitions >= 2 || _board.HalfmoveClock >= 100 || _board.IsInsufficientMaterial;

    public GameResult? Outcome
    {
        get
        {
            if (!_board.HasLegalMoves())
            {
                return _board.InCheck ? GameResult.Loss : GameResult.Draw;
            }
            return IsDrawnByRule ? GameResult.Draw : null;
        }
    }

    /// <summary>Why the game ended, in words ("checkmate", "threefold repetition", ...), or null while it goes on.</summary>
    public string? OutcomeReason
    {
        get
        {
            if (!_board.HasLegalMoves())
            {
                return _board.InCheck ? "checkmate" : "stalemate";
            }
            return _repetitions >= 2 ? "threefold repetition"
                : _board.HalfmoveClock >= 100 ? "fifty-move rule"
                : _board.IsInsufficientMaterial ? "insufficient material"
                : null;
        }
    }

    public ulong Hash
    {
        get
        {
            ulong hash = _board.Hash;
            if ((_repetitions >= 2 || _board.HalfmoveClock >= 100) && !_board.IsInsufficientMaterial && _board.HasLegalMoves())
            {
                hash ^= Zobrist.DrawByRule;
            }
            return hash;
        }
    }

    public int GenerateMoves(Span<ChessMove> moves) => IsDrawnByRule ? 0 : _board.GenerateMoves(moves);

    /// <summary>
    /// The position after <paramref name="move"/>. After a capture or pawn move the history starts afresh; otherwise
    /// this position joins the chain and the new one's repetition count is found by comparing hashes every second ply
    /// back along it.
    /// </summary>
    public ChessPosition Play(ChessMove move)
    {
        ChessBoard next = _board.Play(move);
        if (next.HalfmoveClock == 0)
        {
            return new ChessPosition(next, null, 0);
        }
        var history = new ChessHistory(in _board, _repetitions, move, _history);
        int repetitions = 0;
        for (ChessHistory? h = _history; h is not null; h = h.Previous?.Previous)
        {
            if (h.Board.Hash == next.Hash)
            {
                repetitions = h.Repetitions + 1;
                break;
            }
        }
        return new ChessPosition(next, history, repetitions);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ActionIndex(ChessMove move) => ChessEncoding.ActionIndex(move, _board.SideToMove);

    public void WriteFeatures(Span<float> destination) =>
        ChessEncoding.WritePlanes(in _board, _repetitions, _history, destination);

    public static int TransformAction(int action, int symmetry) => action;

    public ChessPosition ApplySymmetry(int symmetry) => this;

    /// <summary>The move in UCI notation; castling as e1g1, or as king-takes-rook (f1h1) in Chess960 positions.</summary>
    public string FormatMove(ChessMove move) => _board.FormatUci(move);

    /// <summary>The move in standard algebraic notation ("Nf3", "exd6", "O-O", "e8=Q#").</summary>
    public string FormatSan(ChessMove move) => San.Format(in _board, move);

    /// <summary>Parses a move in standard algebraic notation; never throws.</summary>
    public bool TryParseSan(string text, out ChessMove move, out string? error) => San.TryParse(in _board, text, out move, out error);

    /// <summary>
    /// Parses a legal move in UCI long algebraic notation ("e2e4", "e7e8q"); castling as the king's move ("e1g1") or as
    /// king takes rook ("e1h1", the Chess960 form). Text that is not UCI is tried as SAN ("Nf3"). Never throws.
    /// </summary>
    public bool TryParseMove(string text, out ChessMove move, out string? error)
    {
        move = default;
        string t = (text ?? "").Trim();
        if (t.Length is not (4 or 5) || !Squares.TryParse(t.AsSpan(0, 2), out int from) || !Squares.TryParse(t.AsSpan(2, 2), out int to)
            || (t.Length == 5 && "qrbn".IndexOf(t[4], StringComparison.Ordinal) < 0))
        {
            // not UCI: a person may type algebraic notation (Nf3, exd5, O-O)
            if (San.TryParse(in _board, t, out move, out string? sanError))
            {
                error = null;
                return true;
            }
            error = San.LooksLikeSan(t)
                ? sanError
                : $"'{text}' is not a move: write the from and to squares in UCI notation (e2e4, e7e8q for a promotion) or algebraic notation (Nf3, O-O)";
            return false;
        }
        string? reason = OutcomeReason;
        if (reason is not null)
        {
            error = $"'{t}': the game is over ({reason})";
            return false;
        }
        Span<ChessMove> moves = stackalloc ChessMove[MoveGenerator.MaxMoves];
        int n = _board.GenerateMoves(moves);
        PieceType promotion = t.Length == 5 ? (PieceType)("nbrq".IndexOf(t[4], StringComparison.Ordinal) + 1) : PieceType.None;
        // exact from and to (castling as king takes rook), then castling written as the king's own move (e1g1)
        for (int pass = 0; pass < 2; pass++)
        {
            for (int i = 0; i < n; i++)
            {
                ChessMove m = moves[i];
                int target = pass == 1 && m.Kind == MoveKind.Castling ? m.CastlingKingTarget : m.To;
                if (m.From == from && target == to && m.Promotion == promotion && (pass == 0 || m.Kind == MoveKind.Castling))
                {
                    move = m;
                    error = null;
                    return true;
                }
            }
        }
        bool needsPromotion = promotion == PieceType.None && _board.PieceAt(from) == PieceType.Pawn && Squares.Rank(to) is 0 or 7;
        error = needsPromotion
            ? $"'{t}' promotes a pawn: add the piece, e.g. {t}q"
            : $"'{t}' is not a legal move in {Fen}";
        return false;
    }

    public static bool TryParsePosition(string text, out ChessPosition position, out string? error)
    {
        position = Initial;
        string[] tokens = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int i = 0;
        if (i < tokens.Length && tokens[i] == "position")
        {
            i++;
        }
        if (i >= tokens.Length || (tokens[i] == "-" && tokens.Length == i + 1))
        {
            error = null;
            return true;
        }
        ChessBoard board;
        if (tokens[i] == "startpos")
        {
            board = ChessBoard.Start;
            i++;
        }
        else if (tokens[i] == "chess960")
        {
            if (i + 1 >= tokens.Length || !int.TryParse(tokens[i + 1], System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out int number) || number > 959)
            {
                error = $"'{text}': write 'chess960 N' with a start-position number N from 0 to 959 (518 is the standard start)";
                return false;
            }
            board = ChessBoard.Chess960(number);
            i += 2;
        }
        else
        {
            if (tokens[i] == "fen")
            {
                i++;
            }
            int start = i;
            while (i < tokens.Length && tokens[i] != "moves")
            {
                i++;
            }
            if (!Chess.Fen.TryParse(string.Join(' ', tokens[start..i]), out board, out string? fenError))
            {
                error = $"'{text}': {fenError}; or write 'startpos [moves e2e4 ...]' or 'fen <FEN> [moves ...]'";
                return false;
            }
        }
        ChessPosition p = FromBoard(in board);
        if (i < tokens.Length)
        {
            if (tokens[i] != "moves")
            {
                error = $"'{tokens[i]}' after the position: expected 'moves' followed by moves such as e2e4";
                return false;
            }
            for (int m = i + 1; m < tokens.Length; m++)
            {
                if (!p.TryParseMove(tokens[m], out ChessMove move, out string? moveError))
                {
                    error = $"move {m - i} of the list: {moveError}";
                    return false;
                }
                p = p.Play(move);
            }
        }
        position = p;
        error = null;
        return true;
    }

    public string FormatPosition()
    {
        if (_history is null)
        {
            return Fen;
        }
        var moves = new List<string>();
        ChessHistory root = _history;
        moves.Add(root.Board.FormatUci(root.Move));
        while (root.Previous is not null)
        {
            root = root.Previous;
            moves.Add(root.Board.FormatUci(root.Move));
        }
        moves.Reverse();
        return $"fen {Chess.Fen.Format(root.Board)} moves {string.Join(' ', moves)}";
    }

    public string Render()
    {
        var sb = new StringBuilder();
        for (int rank = 7; rank >= 0; rank--)
        {
            sb.Append((char)('1' + rank)).Append(" |");
            for (int file = 0; file < 8; file++)
            {
                int square = Squares.Make(file, rank);
                PieceType type = _board.PieceAt(square);
                char c = type == PieceType.None ? '.' : "pnbrqk"[(int)type];
                sb.Append(' ').Append(_board.ColorAt(square) == 0 ? char.ToUpperInvariant(c) : c);
            }
            sb.Append('\n');
        }
        sb.Append("  +----------------\n    a b c d e f g h\n");
        sb.Append(Fen).Append('\n');
        return sb.ToString();
    }

    public bool Equals(ChessPosition other) =>
        _board.Equals(other._board) && _repetitions == other._repetitions && FormatPosition() == other.FormatPosition();

    public override bool Equals(object? obj) => obj is ChessPosition p && Equals(p);
    public override int GetHashCode() => (int)Hash;
    public static bool operator ==(ChessPosition a, ChessPosition b) => a.Equals(b);
    public static bool operator !=(ChessPosition a, ChessPosition b) => !a.Equals(b);
    public override string ToString() => FormatPosition();
}
