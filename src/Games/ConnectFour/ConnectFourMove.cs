namespace Zero.Games.ConnectFour;

/// <summary>A Connect Four move: the column 0–6 from the left (written 1–7).</summary>
public readonly record struct ConnectFourMove(byte Column)
{
    public override string ToString() => (Column + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
