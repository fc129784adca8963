namespace Zero.Games.Chess;

/// <summary>
/// One game of a PGN file: its tags in order, the start position (the start of chess unless a FEN tag says
/// otherwise), the moves and the result ("1-0", "0-1", "1/2-1/2" or "*"). <see cref="PgnReader"/> fills it,
/// <see cref="PgnWriter"/> writes it; self-play and the arena record their games with it.
/// </summary>
public sealed class PgnGame
{
    /// <summary>The seven tags every PGN game carries first, in their standard order.</summary>
    public static IReadOnlyList<string> SevenTagRoster { get; } = ["Event", "Site", "Date", "Round", "White", "Black", "Result"];

    /// <summary>The tags in file order (name, value); the writer puts the seven-tag roster first.</summary>
    public List<KeyValuePair<string, string>> Tags { get; } = [];

    /// <summary>The position before the first move.</summary>
    public ChessPosition Start { get; set; } = ChessPosition.Initial;

    /// <summary>The moves played from <see cref="Start"/>, all legal.</summary>
    public List<ChessMove> Moves { get; } = [];

    /// <summary>The game termination marker: "1-0", "0-1", "1/2-1/2" or "*" (unfinished).</summary>
    public string Result { get; set; } = "*";

    /// <summary>The value of a tag, or null; setting replaces the tag in place or appends it.</summary>
    public string? this[string tag]
    {
        get => Tags.FirstOrDefault(t => t.Key == tag).Value;
        set
        {
            int i = Tags.FindIndex(t => t.Key == tag);
            if (value is null)
            {
                if (i >= 0)
                {
                    Tags.RemoveAt(i);
                }
            }
            else if (i >= 0)
            {
                Tags[i] = new(tag, value);
            }
            else
            {
                Tags.Add(new(tag, value));
            }
        }
    }

    /// <summary>The position after all the moves.</summary>
    public ChessPosition Final
    {
        get
        {
            ChessPosition p = Start;
            foreach (ChessMove move in Moves)
            {
                p = p.Play(move);
            }
            return p;
        }
    }

    /// <summary>The PGN result marker for a finished position (from White's side), or "*" while the game goes on.</summary>
    public static string ResultOf(in ChessPosition position) => position.Outcome switch
    {
        null => "*",
        GameResult.Draw => "1/2-1/2",
        GameResult.Loss => position.SideToMove == 0 ? "0-1" : "1-0",
        GameResult.Win => position.SideToMove == 0 ? "1-0" : "0-1",
        _ => "*",
    };
}
