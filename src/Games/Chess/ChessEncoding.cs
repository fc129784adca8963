using System.Runtime.CompilerServices;

namespace Zero.Games.Chess;

/// <summary>
/// The network encoding of chess, in the style of Lc0's classical 112-plane input and 1858-move policy, always seen
/// from the side to move: for Black every square is mirrored top to bottom (<c>square ^ 56</c>), so "our" pawns
/// always move up the board. Called by <see cref="ChessPosition.WriteFeatures"/> and
/// <see cref="ChessPosition.ActionIndex"/>; matches <c>PolicyValueNetConfig.Chess</c> (input 112×8×8, policy 1858).
/// </summary>
/// <remarks>
/// <para><b>Input planes</b> (112 × 8 × 8, plane-major, row 0 = rank 1 of the side to move, column 0 = file a):</para>
/// <code>
///   plane 13·t + 0..5    history step t = 0..7 (t = 0 now, t = 1 one ply ago, ...): our P N B R Q K
///   plane 13·t + 6..11   the same step: their P N B R Q K ("our" = the side to move now, for every step)
///   plane 13·t + 12      all ones when that step's position had occurred before (a repetition)
///   plane 104 / 105      all ones when we may castle queenside / kingside
///   plane 106 / 107      all ones when they may castle queenside / kingside
///   plane 108            all ones when Black is to move
///   plane 109            the halfmove clock / 100 (the fifty-move rule's progress, 0..1)
///   plane 110            zeros (Lc0's former move-count plane)
///   plane 111            all ones (lets convolutions see the board edge)
/// </code>
/// History steps reach back only to the last capture or pawn move (earlier positions can never repeat, and
/// stopping there keeps the position text "FEN moves ..." exact and short); missing steps are all zeros, as in
/// Lc0 for a game started from a FEN. The clock plane is scaled to 0..1 where Lc0 feeds the raw ply count.
/// <para><b>Policy</b> (1858 actions, the same move set as Lc0): for each from-square a1..h8 in order, every
/// to-square a queen or a knight could reach on an empty board, in square order (1792 actions; a promotion to a
/// queen uses the plain pawn move, and castling the king's move onto its own rook, e1h1 or e1a1, as in Lc0, which
/// also covers Chess960); then the 66 under-promotions from the
/// seventh rank: for each file a..h, each direction (capture toward file a, straight, capture toward file h) that
/// stays on the board, promotion to knight, bishop, rook. All squares in the side-to-move frame.</para>
/// </remarks>
public static class ChessEncoding
{
    public const int Planes = 112;
    public const int PolicySize = 1858;
    private const int QueenKnightMoves = 1792;

    private static readonly short[] MoveIndex = BuildMoveIndex(out UnderPromotionIndex, out Moves);
    private static readonly short[] UnderPromotionIndex; // [file * 9 + (direction + 1) * 3 + piece - 1]
    private static readonly (int From, int To, PieceType Promotion)[] Moves;

    /// <summary>The policy index of <paramref name="move"/> played by <paramref name="sideToMove"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ActionIndex(ChessMove move, int sideToMove)
    {
        int flip = sideToMove == 0 ? 0 : 56;
        int from = move.From ^ flip, to = move.To ^ flip;
        PieceType promotion = move.Promotion;
        if (promotion is PieceType.Knight or PieceType.Bishop or PieceType.Rook)
        {
            int direction = Squares.File(to) - Squares.File(from);
            return UnderPromotionIndex[Squares.File(from) * 9 + (direction + 1) * 3 + (int)promotion - 1];
        }
        return MoveIndex[(from << 6) | to];
    }

    /// <summary>
    /// The from-square, to-square and under-promotion piece (<see cref="PieceType.None"/> otherwise) of an action, in the
    /// side-to-move frame; for reading a policy back into moves.
    /// </summary>
    public static (int From, int To, PieceType Promotion) Describe(int action) => Moves[action];

    /// <summary>Writes the 112 planes (see the type's remarks) for <paramref name="current"/> and its history.</summary>
    /// <param name="current">The position now.</param>
    /// <param name="repetitions">How often the position now occurred before.</param>
    /// <param name="history">The previous positions, newest first (up to 7 are read).</param>
    /// <param name="destination">At least 112 × 64 floats; cleared and filled.</param>
    public static void WritePlanes(in ChessBoard current, int repetitions, ChessHistory? history, Span<float> destination)
    {
        destination = destination[..(Planes * 64)];
        destination.Clear();
        int us = current.SideToMove;
        int flip = us == 0 ? 0 : 56;
        WriteStep(in current, repetitions, 0, us, flip, destination);
        ChessHistory? step = history;
        for (int t = 1; t < 8 && step is not null; t++, step = step.Previous)
        {
            WriteStep(step.Board, step.Repetitions, t, us, flip, destination);
        }
        CastlingRights rights = current.Castling;
        bool white = us == 0;
        Fill(destination, 104, (rights & (white ? CastlingRights.WhiteQueenside : CastlingRights.BlackQueenside)) != 0 ? 1f : 0f);
        Fill(destination, 105, (rights & (white ? CastlingRights.WhiteKingside : CastlingRights.BlackKingside)) != 0 ? 1f : 0f);
        Fill(destination, 106, (rights & (white ? CastlingRights.BlackQueenside : CastlingRights.WhiteQueenside)) != 0 ? 1f : 0f);
        Fill(destination, 107, (rights & (white ? CastlingRights.BlackKingside : CastlingRights.WhiteKingside)) != 0 ? 1f : 0f);
        Fill(destination, 108, white ? 0f : 1f);
        Fill(destination, 109, Math.Min(current.HalfmoveClock, 100) / 100f);
        Fill(destination, 111, 1f);
    }

    private static void WriteStep(in ChessBoard board, int repetitions, int step, int us, int flip, Span<float> destination)
    {
        int basePlane = 13 * step;
        for (int side = 0; side < 2; side++)
        {
            int color = side == 0 ? us : us ^ 1;
            for (int type = 0; type < 6; type++)
            {
                Span<float> plane = destination.Slice((basePlane + side * 6 + type) * 64, 64);
                ulong bits = board.Pieces(color, (PieceType)type);
                while (bits != 0)
                {
                    plane[Bitboards.Lsb(bits) ^ flip] = 1f;
                    bits &= bits - 1;
                }
            }
        }
        if (repetitions > 0)
        {
            Fill(destination, basePlane + 12, 1f);
        }
    }

    private static void Fill(Span<float> destination, int plane, float value)
    {
        if (value != 0f)
        {
            destination.Slice(plane * 64, 64).Fill(value);
        }
    }

    private static short[] BuildMoveIndex(out short[] underPromotions, out (int, int, PieceType)[] moves)
    {
        // 1. queen-like and knight moves on an empty board, by from-square then to-square
        var index = new short[64 * 64];
        Array.Fill(index, (short)-1);
        var list = new List<(int, int, PieceType)>(PolicySize);
        for (int from = 0; from < 64; from++)
        {
            ulong targets = Bitboards.SlidingAttacksSlow(from, 0, Bitboards.RookDirections)
                | Bitboards.SlidingAttacksSlow(from, 0, Bitboards.BishopDirections) | Bitboards.Knight(from);
            while (targets != 0)
            {
                int to = Bitboards.Lsb(targets);
                targets &= targets - 1;
                index[(from << 6) | to] = (short)list.Count;
                list.Add((from, to, PieceType.None));
            }
        }
        if (list.Count != QueenKnightMoves)
        {
            throw new InvalidOperationException($"policy table: {list.Count} queen and knight moves, expected {QueenKnightMoves}");
        }

        // 2. under-promotions from the seventh rank
        underPromotions = new short[8 * 9];
        Array.Fill(underPromotions, (short)-1);
        for (int file = 0; file < 8; file++)
        {
            for (int direction = -1; direction <= 1; direction++)
            {
                if (file + direction is < 0 or > 7)
                {
                    continue;
                }
                for (int piece = 1; piece <= 3; piece++)
                {
                    underPromotions[file * 9 + (direction + 1) * 3 + piece - 1] = (short)list.Count;
                    list.Add((Squares.Make(file, 6), Squares.Make(file + direction, 7), (PieceType)piece));
                }
            }
        }
        if (list.Count != PolicySize)
        {
            throw new InvalidOperationException($"policy table: {list.Count} actions, expected {PolicySize}");
        }
        moves = [.. list];
        return index;
    }
}
