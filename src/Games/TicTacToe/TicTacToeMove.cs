namespace Zero.Games.TicTacToe;

/// <summary>A tic-tac-toe move: the cell 0–8 row by row from the top-left (written 1–9).</summary>
public readonly record struct TicTacToeMove(byte Cell)
{
    public override string ToString() => (Cell + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
