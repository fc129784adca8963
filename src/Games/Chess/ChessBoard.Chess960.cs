namespace Zero.Games.Chess;

/// <summary>The 960 start positions of Chess960 (Fischer Random), by their standard Scharnagl number.</summary>
public partial struct ChessBoard
{
    private static readonly (int First, int Second)[] KnightPlacements =
        [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (1, 3), (1, 4), (2, 3), (2, 4), (3, 4)];

    /// <summary>
    /// Chess960 start position number <paramref name="number"/> (0-959; 518 is the standard start position):
    /// 1. the light-squared bishop on file b, d, f or h by number mod 4; 2. the dark-squared bishop on a, c, e or g by
    /// the next factor of 4; 3. the queen on one of the six free squares; 4. the knights on one of ten pairs of the
    /// five left; 5. rook, king, rook on the last three. Black mirrors White; all four castling rights.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is not 0-959.</exception>
    public static ChessBoard Chess960(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 959);
        var back = new PieceType[8];
        Array.Fill(back, PieceType.None);
        int n = number;
        back[2 * (n % 4) + 1] = PieceType.Bishop;
        n /= 4;
        back[2 * (n % 4)] = PieceType.Bishop;
        n /= 4;
        PlaceOnFree(back, n % 6, PieceType.Queen);
        n /= 6;
        var (first, second) = KnightPlacements[n];
        PlaceOnFree(back, second, PieceType.Knight); // the later square first, so the earlier index stays valid
        PlaceOnFree(back, first, PieceType.Knight);
        PlaceOnFree(back, 0, PieceType.Rook);
        PlaceOnFree(back, 0, PieceType.King);
        PlaceOnFree(back, 0, PieceType.Rook);

        var pieces = new List<(int, PieceType, int)>(32);
        int queensideRook = -1, kingsideRook = -1;
        for (int f = 0; f < 8; f++)
        {
            pieces.Add((0, back[f], f));
            pieces.Add((0, PieceType.Pawn, 8 + f));
            pieces.Add((1, PieceType.Pawn, 48 + f));
            pieces.Add((1, back[f], 56 + f));
            if (back[f] == PieceType.Rook)
            {
                if (queensideRook < 0)
                {
                    queensideRook = f;
                }
                else
                {
                    kingsideRook = f;
                }
            }
        }
        uint rooks = (uint)kingsideRook | ((uint)queensideRook << 8) | ((uint)(56 + kingsideRook) << 16) | ((uint)(56 + queensideRook) << 24);
        return FromParts([.. pieces], 0, CastlingRights.All, rooks, Squares.None, 0, 1);
    }

    private static void PlaceOnFree(PieceType[] back, int index, PieceType piece)
    {
        for (int f = 0; f < 8; f++)
        {
            if (back[f] == PieceType.None && index-- == 0)
            {
                back[f] = piece;
                return;
            }
        }
    }
}
