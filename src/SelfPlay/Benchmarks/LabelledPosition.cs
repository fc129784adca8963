using System.Globalization;
using Zero.Games.ConnectFour;

namespace Zero.SelfPlay.Benchmarks;

/// <summary>
/// One line of a labelled Connect Four file (../shared/data/connect4/README.md):
/// <c>MOVES SCORE OPTIMAL | V1 … V7</c> — the position, its exact score for the side to move, the optimal columns
/// and the exact value of every column (null for a full column). Read by <see cref="MoveErrorRates"/> for
/// `zero eval connect4`.
/// </summary>
public sealed record LabelledPosition(string Moves, ConnectFourPosition Position, int Score, IReadOnlySet<int> Optimal, int?[] ColumnValues)
{
    /// <summary>Parses one line; false with a reason for a malformed line.</summary>
    public static bool TryParse(string line, out LabelledPosition? labelled, out string? error)
    {
        labelled = null;
        string[] halves = line.Split('|');
        string[] head = halves[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (halves.Length != 2 || head.Length != 3)
        {
            error = "expected 'MOVES SCORE OPTIMAL | V1 V2 V3 V4 V5 V6 V7'";
            return false;
        }
        if (!ConnectFourPosition.TryParsePosition(head[0], out ConnectFourPosition position, out string? positionError))
        {
            error = $"moves '{head[0]}': {positionError}";
            return false;
        }
        if (!int.TryParse(head[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int score))
        {
            error = $"score '{head[1]}' is not a number";
            return false;
        }
        var optimal = new HashSet<int>();
        foreach (string c in head[2].Split(','))
        {
            if (!int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out int column) || column is < 1 or > 7)
            {
                error = $"optimal column '{c}' is not 1-7";
                return false;
            }
            optimal.Add(column - 1);
        }
        string[] values = halves[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (values.Length != 7)
        {
            error = $"expected 7 column values, found {values.Length}";
            return false;
        }
        var columnValues = new int?[7];
        for (int c = 0; c < 7; c++)
        {
            if (values[c] == "x")
            {
                continue;
            }
            if (!int.TryParse(values[c], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
            {
                error = $"column value '{values[c]}' is not a number or x";
                return false;
            }
            columnValues[c] = v;
        }
        labelled = new LabelledPosition(head[0], position, score, optimal, columnValues);
        error = null;
        return true;
    }

    /// <summary>Result class of a value: 1 win, 0 draw, −1 loss.</summary>
    public static int ResultClass(int value) => Math.Sign(value);

    /// <summary>True when the legal moves do not all have the same result class (the position carries information).</summary>
    public bool DistinguishesOutcomes => ColumnValues.Where(v => v is not null).Select(v => ResultClass(v!.Value)).Distinct().Count() > 1;

    /// <summary>True when playing <paramref name="column"/> gives a worse result class than the best move.</summary>
    public bool IsOutcomeError(int column) =>
        ColumnValues[column] is not int v || ResultClass(v) < ColumnValues.Where(x => x is not null).Max(x => ResultClass(x!.Value));

    /// <summary>True when <paramref name="column"/> is not one of the optimal columns.</summary>
    public bool IsExactError(int column) => !Optimal.Contains(column);
}
