namespace Zero.Games.Chess;

/// <summary>
/// Square numbering and names shared by every chess file: a1 = 0, b1 = 1, …, h1 = 7, a2 = 8, …, h8 = 63, so
/// <c>file = square &amp; 7</c>, <c>rank = square &gt;&gt; 3</c>, and <c>square ^ 56</c> mirrors the board top to bottom
/// (the side-to-move flip of the network encoding).
/// <code>
///   8 | 56 57 58 59 60 61 62 63
///   7 | 48 49 50 51 52 53 54 55
///   …
///   2 |  8  9 10 11 12 13 14 15
///   1 |  0  1  2  3  4  5  6  7
///       a  b  c  d  e  f  g  h
/// </code>
/// </summary>
public static class Squares
{
    /// <summary>The marker for "no square" (no en-passant square).</summary>
    public const int None = 64;

    public static int File(int square) => square & 7;

    public static int Rank(int square) => square >> 3;

    public static int Make(int file, int rank) => rank * 8 + file;

    /// <summary>The square mirrored top to bottom (a1 ↔ a8): the board seen from Black.</summary>
    public static int Mirror(int square) => square ^ 56;

    /// <summary>The name of a square, "a1" … "h8".</summary>
    public static string Name(int square) => string.Create(2, square, static (span, s) =>
    {
        span[0] = (char)('a' + (s & 7));
        span[1] = (char)('1' + (s >> 3));
    });

    /// <summary>Parses "a1" … "h8" (lower case); returns false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int square)
    {
        square = None;
        if (text.Length != 2 || text[0] < 'a' || text[0] > 'h' || text[1] < '1' || text[1] > '8')
        {
            return false;
        }
        square = Make(text[0] - 'a', text[1] - '1');
        return true;
    }
}
