namespace Zero.Games.Go;

/// <summary>The network input of a Go position (see the plane table on <see cref="PlaneCount"/>).</summary>
public readonly partial struct GoPosition<TFrame>
{
    /// <summary>
    /// Input planes, each F×F in the frame (row 0 at the top), in the side to move's view:
    /// <code>
    ///  0  on-board mask (1 on the N×N board)     7-10  the last 4 moves (one point each; none for a pass)
    ///  1  own stones                              11    the last move was a pass (whole board)
    ///  2  opponent stones                         12    Black to move (whole board)
    ///  3  stones whose string has 1 liberty       13    komi from the side to move's view / 15 (whole board)
    ///  4  ... 2 liberties
    ///  5  ... 3 or more liberties
    ///  6  ko / superko ban: empty points illegal only because of repetition
    /// </code>
    /// </summary>
    public const int PlaneCount = 14;

    public void WriteFeatures(Span<float> destination)
    {
        int f = TFrame.Size;
        int area = f * f;
        destination = destination[..(PlaneCount * area)];
        destination.Clear();
        int n = Size;
        GoColor own = _board.ToMove, opponent = own.Opponent();
        Span<float> mask = destination.Slice(0, area);
        for (int row = 0; row < n; row++)
        {
            for (int col = 0; col < n; col++)
            {
                int cell = row * f + col;
                mask[cell] = 1f;
                int p = _board.Point(row, col);
                GoColor c = _board[p];
                if (c == GoColor.Empty)
                {
                    if (_end == Ongoing && IsBannedByRepetition(p))
                    {
                        destination[6 * area + cell] = 1f;
                    }
                    continue;
                }
                destination[(c == own ? 1 : 2) * area + cell] = 1f;
                int libs = _board.Liberties(p, 3);
                destination[(2 + libs) * area + cell] = 1f;
            }
        }
        int k = 0;
        for (GoHistory? h = _history; h is { IsSetup: false } && k < 4; h = h.Previous, k++)
        {
            if (h.Move.IsPoint)
            {
                destination[(7 + k) * area + h.Move.Row * f + h.Move.Col] = 1f;
            }
        }
        bool lastPass = LastMove is { IsPass: true };
        float komi = (float)(own == GoColor.White ? Rules.Komi + _setup.WhiteHandicapBonus : -Rules.Komi - _setup.WhiteHandicapBonus) / 15f;
        for (int row = 0; row < n; row++)
        {
            for (int col = 0; col < n; col++)
            {
                int cell = row * f + col;
                if (lastPass) destination[11 * area + cell] = 1f;
                if (own == GoColor.Black) destination[12 * area + cell] = 1f;
                destination[13 * area + cell] = komi;
            }
        }
    }

    // An empty point the side to move could play by the basic rules (no suicide) but not by ko or superko.
    private bool IsBannedByRepetition(int point)
    {
        GoColor c = _board.ToMove;
        if (!Rules.SuicideAllowed && _board.IsSuicide(point, c))
        {
            return false;
        }
        return point == _board.KoPoint || ViolatesSuperko(point, c);
    }
}
