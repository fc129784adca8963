using System.Runtime.CompilerServices;
using Zero.Games.Chess;

namespace Zero.Uci.Evaluation;

/// <summary>
/// The hand-written chess knowledge behind <see cref="ChessHeuristicEvaluator"/>: a static evaluation in centipawns
/// (material, piece-square tables blended by game phase, mobility, and a mop-up term that drives a lone king to the
/// edge), a capture-only quiescence search so a leaf never counts a piece that is about to be lost, and move-ordering
/// logits (MVV-LVA captures, promotions, checks, moves into pawn attacks). Pure functions of the board; no state.
/// </summary>
/// <remarks>
/// Piece-square tables are Tomasz Michniewski's "simplified evaluation function", written from White's side with
/// rank 8 first (so a white piece on square s reads entry s ^ 56 and a black piece reads entry s).
/// </remarks>
public static class ChessHeuristic
{
    /// <summary>Centipawn values, <see cref="PieceType"/> order (the king counts 0).</summary>
    public static ReadOnlySpan<int> PieceValues => [100, 320, 330, 500, 900, 0];

    /// <summary>The most capture plies the quiescence search looks ahead.</summary>
    public const int QuiescenceDepth = 6;

    private static readonly sbyte[] PawnTable =
    [
        0, 0, 0, 0, 0, 0, 0, 0, 50, 50, 50, 50, 50, 50, 50, 50, 10, 10, 20, 30, 30, 20, 10, 10, 5, 5, 10, 25, 25, 10, 5, 5,
        0, 0, 0, 20, 20, 0, 0, 0, 5, -5, -10, 0, 0, -10, -5, 5, 5, 10, 10, -20, -20, 10, 10, 5, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    private static readonly sbyte[] KnightTable =
    [
        -50, -40, -30, -30, -30, -30, -40, -50, -40, -20, 0, 0, 0, 0, -20, -40, -30, 0, 10, 15, 15, 10, 0, -30, -30, 5, 15, 20, 20, 15, 5, -30,
        -30, 0, 15, 20, 20, 15, 0, -30, -30, 5, 10, 15, 15, 10, 5, -30, -40, -20, 0, 5, 5, 0, -20, -40, -50, -40, -30, -30, -30, -30, -40, -50,
    ];

    private static readonly sbyte[] BishopTable =
    [
        -20, -10, -10, -10, -10, -10, -10, -20, -10, 0, 0, 0, 0, 0, 0, -10, -10, 0, 5, 10, 10, 5, 0, -10, -10, 5, 5, 10, 10, 5, 5, -10,
        -10, 0, 10, 10, 10, 10, 0, -10, -10, 10, 10, 10, 10, 10, 10, -10, -10, 5, 0, 0, 0, 0, 5, -10, -20, -10, -10, -10, -10, -10, -10, -20,
    ];

    private static readonly sbyte[] RookTable =
    [
        0, 0, 0, 0, 0, 0, 0, 0, 5, 10, 10, 10, 10, 10, 10, 5, -5, 0, 0, 0, 0, 0, 0, -5, -5, 0, 0, 0, 0, 0, 0, -5,
        -5, 0, 0, 0, 0, 0, 0, -5, -5, 0, 0, 0, 0, 0, 0, -5, -5, 0, 0, 0, 0, 0, 0, -5, 0, 0, 0, 5, 5, 0, 0, 0,
    ];

    private static readonly sbyte[] QueenTable =
    [
        -20, -10, -10, -5, -5, -10, -10, -20, -10, 0, 0, 0, 0, 0, 0, -10, -10, 0, 5, 5, 5, 5, 0, -10, -5, 0, 5, 5, 5, 5, 0, -5,
        0, 0, 5, 5, 5, 5, 0, -5, -10, 5, 5, 5, 5, 5, 0, -10, -10, 0, 5, 0, 0, 0, 0, -10, -20, -10, -10, -5, -5, -10, -10, -20,
    ];

    private static readonly sbyte[] KingMiddleTable =
    [
        -30, -40, -40, -50, -50, -40, -40, -30, -30, -40, -40, -50, -50, -40, -40, -30, -30, -40, -40, -50, -50, -40, -40, -30, -30, -40, -40, -50, -50, -40, -40, -30,
        -20, -30, -30, -40, -40, -30, -30, -20, -10, -20, -20, -20, -20, -20, -20, -10, 20, 20, 0, 0, 0, 0, 20, 20, 20, 30, 10, 0, 0, 10, 30, 20,
    ];

    private static readonly sbyte[] KingEndTable =
    [
        -50, -40, -30, -20, -20, -30, -40, -50, -30, -20, -10, 0, 0, -10, -20, -30, -30, -10, 20, 30, 30, 20, -10, -30, -30, -10, 30, 40, 40, 30, -10, -30,
        -30, -10, 30, 40, 40, 30, -10, -30, -30, -10, 20, 30, 30, 20, -10, -30, -30, -30, 0, 0, 0, 0, -30, -30, -50, -30, -30, -30, -30, -30, -30, -50,
    ];

    private static readonly sbyte[][] Tables = [PawnTable, KnightTable, BishopTable, RookTable, QueenTable];

    /// <summary>
    /// The static evaluation in centipawns from the side to move: 1. material and piece-square tables (the king's
    /// table blended from middlegame to endgame by the remaining non-pawn material); 2. mobility of knights, bishops,
    /// rooks and queens (squares attacked that are not own pieces); 3. mop-up: with a clear material lead and no
    /// pawns for the defender, a bonus for the defending king near the edge and the kings close together.
    /// </summary>
    public static int Evaluate(in ChessBoard board)
    {
        int phase = 0;
        for (int c = 0; c < 2; c++)
        {
            phase += Bitboards.Count(board.Pieces(c, PieceType.Knight)) + Bitboards.Count(board.Pieces(c, PieceType.Bishop))
                + 2 * Bitboards.Count(board.Pieces(c, PieceType.Rook)) + 4 * Bitboards.Count(board.Pieces(c, PieceType.Queen));
        }
        phase = Math.Min(phase, 24);
        Span<int> material = stackalloc int[2];
        Span<int> score = stackalloc int[2];
        ulong occupied = board.Occupied;
        for (int c = 0; c < 2; c++)
        {
            int flip = c == 0 ? 56 : 0;
            int s = 0, m = 0;
            for (int t = 0; t < 5; t++)
            {
                sbyte[] table = Tables[t];
                int value = PieceValues[t];
                ulong pieces = board.Pieces(c, (PieceType)t);
                while (pieces != 0)
                {
                    int sq = Bitboards.Lsb(pieces);
                    pieces &= pieces - 1;
                    m += value;
                    s += table[sq ^ flip] + Mobility(t, sq, occupied, board.Pieces(c));
                }
            }
            int king = board.KingSquare(c);
            s += (KingMiddleTable[king ^ flip] * phase + KingEndTable[king ^ flip] * (24 - phase)) / 24;
            material[c] = m;
            score[c] = s + m;
        }
        int white = score[0] - score[1];
        white += MopUp(board, material, 0) - MopUp(board, material, 1);
        return board.SideToMove == 0 ? white : -white;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Mobility(int type, int square, ulong occupied, ulong own) => type switch
    {
        1 => 4 * (Bitboards.Count(Bitboards.Knight(square) & ~own) - 4),
        2 => 5 * (Bitboards.Count(Attacks.Bishop(square, occupied) & ~own) - 6),
        3 => 2 * (Bitboards.Count(Attacks.Rook(square, occupied) & ~own) - 7),
        4 => 1 * (Bitboards.Count(Attacks.Queen(square, occupied) & ~own) - 13),
        _ => 0,
    };

    /// <summary>Bonus for <paramref name="strong"/> when it leads by a rook's worth and the other side has no pawns.</summary>
    private static int MopUp(in ChessBoard board, ReadOnlySpan<int> material, int strong)
    {
        int weak = strong ^ 1;
        if (material[strong] - material[weak] < 400 || board.Pieces(weak, PieceType.Pawn) != 0)
        {
            return 0;
        }
        int weakKing = board.KingSquare(weak), strongKing = board.KingSquare(strong);
        int centre = Math.Max(3 - Squares.File(weakKing), Squares.File(weakKing) - 4) + Math.Max(3 - Squares.Rank(weakKing), Squares.Rank(weakKing) - 4);
        int distance = Math.Abs(Squares.File(weakKing) - Squares.File(strongKing)) + Math.Abs(Squares.Rank(weakKing) - Squares.Rank(strongKing));
        return 20 * centre + 10 * (14 - distance);
    }

    /// <summary>
    /// Quiescence search: the best of standing pat and every capture or promotion (most valuable victim first),
    /// recursively, with alpha-beta and delta pruning, to <paramref name="depth"/> plies. In check, every evasion is
    /// searched and no evasion means mate (−30000). Centipawns from the side to move.
    /// </summary>
    [SkipLocalsInit]
    public static int Quiescence(in ChessBoard board, int alpha, int beta, int depth)
    {
        bool inCheck = board.InCheck;
        int standPat = Evaluate(board);
        if (!inCheck)
        {
            if (standPat >= beta || depth == 0)
            {
                return standPat;
            }
            alpha = Math.Max(alpha, standPat);
        }
        Span<ChessMove> moves = stackalloc ChessMove[ChessPosition.MaxMoves];
        int n = board.GenerateMoves(moves);
        if (n == 0)
        {
            return inCheck ? -30000 : 0;
        }
        if (inCheck && depth == 0)
        {
            return standPat;
        }
        Span<int> order = stackalloc int[n];
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            ChessMove move = moves[i];
            int gain = CaptureGain(board, move);
            if (!inCheck && gain <= 0)
            {
                continue;
            }
            if (!inCheck && standPat + gain + 200 < alpha)
            {
                continue; // delta pruning: even winning this piece cannot raise alpha
            }
            moves[count] = move;
            order[count++] = inCheck ? gain : gain * 16 - (int)board.PieceAt(move.From);
        }
        int best = inCheck ? -30000 : standPat;
        for (int k = 0; k < count; k++)
        {
            int pick = k;
            for (int j = k + 1; j < count; j++)
            {
                if (order[j] > order[pick])
                {
                    pick = j;
                }
            }
            (moves[k], moves[pick]) = (moves[pick], moves[k]);
            (order[k], order[pick]) = (order[pick], order[k]);
            int score = -Quiescence(board.Play(moves[k]), -beta, -alpha, depth - 1);
            if (score > best)
            {
                best = score;
                if (score > alpha)
                {
                    alpha = score;
                    if (alpha >= beta)
                    {
                        break;
                    }
                }
            }
        }
        return best;
    }

    /// <summary>Material the move wins outright: the captured piece plus any promotion gain; 0 for a quiet move.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CaptureGain(in ChessBoard board, ChessMove move)
    {
        int gain = 0;
        if (move.Kind == MoveKind.EnPassant)
        {
            gain = PieceValues[0];
        }
        else
        {
            PieceType victim = board.PieceAt(move.To);
            if (victim != PieceType.None && move.Kind != MoveKind.Castling)
            {
                gain = PieceValues[(int)victim];
            }
        }
        if (move.Kind == MoveKind.Promotion)
        {
            gain += PieceValues[(int)move.Promotion] - PieceValues[0];
        }
        return gain;
    }

    /// <summary>
    /// A move-ordering logit: 0 for a quiet move, plus 1 + victim/200 − attacker/2000 for a capture (MVV-LVA),
    /// +2.5 for a queen promotion (−1 for an under-promotion), +0.8 for a check, −1.2 when a piece other than a pawn
    /// moves onto a square an enemy pawn attacks, +0.4 for castling, and the piece-square gain / 100.
    /// </summary>
    public static float MoveLogit(in ChessBoard board, ChessMove move)
    {
        int us = board.SideToMove;
        PieceType piece = board.PieceAt(move.From);
        float logit = 0;
        int victim = move.Kind == MoveKind.EnPassant ? PieceValues[0]
            : move.Kind == MoveKind.Castling ? 0
            : board.PieceAt(move.To) is var v && v != PieceType.None ? PieceValues[(int)v] : 0;
        if (victim > 0)
        {
            logit += 1f + victim / 200f - PieceValues[(int)piece] / 2000f;
        }
        if (move.Kind == MoveKind.Promotion)
        {
            logit += move.Promotion == PieceType.Queen ? 2.5f : -1f;
        }
        if (move.Kind == MoveKind.Castling)
        {
            logit += 0.4f;
        }
        else if (piece != PieceType.Pawn && piece != PieceType.King
            && (Bitboards.Pawn(us, move.To) & board.Pieces(us ^ 1, PieceType.Pawn)) != 0)
        {
            logit -= 1.2f;
        }
        if (piece < PieceType.King)
        {
            sbyte[] table = Tables[(int)piece];
            int flip = us == 0 ? 56 : 0;
            logit += (table[move.To ^ flip] - table[move.From ^ flip]) / 100f;
        }
        if (board.Play(move).InCheck)
        {
            logit += 0.8f;
        }
        return logit;
    }

    /// <summary>Centipawns to a value in (−1, 1): the inverse of Lc0's cp = 111.714640912 · tan(1.5620688421 · Q).</summary>
    public static float CentipawnsToValue(int cp) => (float)(Math.Atan(cp / 111.714640912) / 1.5620688421);

    /// <summary>A value in [−1, 1] to centipawns with Lc0's mapping cp = 111.714640912 · tan(1.5620688421 · Q).</summary>
    public static int ValueToCentipawns(double q)
    {
        double cp = 111.714640912 * Math.Tan(1.5620688421 * Math.Clamp(q, -1, 1));
        return (int)Math.Round(Math.Clamp(cp, -100000, 100000));
    }
}
