using System.Globalization;

namespace Zero.Games.ConnectFour;

/// <summary>
/// One line of a labelled Connect Four file (data/connect4/README.md in the repository):
/// <c>MOVES SCORE OPTIMAL | V1 V2 V3 V4 V5 V6 V7</c>, e.g. <c>4453 2 4 | -1 0 1 2 1 0 -1</c>. The score and the
/// column values are exact, from the side to move (Pons' convention: 22 − k for a win with the k-th stone).
/// Read by the solver tests, `zero bench solver`, and any evaluation of move quality.
/// </summary>
/// <param name="Moves">The 1-based columns played from the empty board.</param>
/// <param name="Position">The position those moves reach.</param>
/// <param name="Score">The exact score of the position.</param>
/// <param name="OptimalColumns">The 0-based columns that keep the score, ascending.</param>
/// <param name="ColumnValues">The exact value of each column (0-based index), null for a full column.</param>
public sealed record LabelledPosition(string Moves, ConnectFourPosition Position, int Score, IReadOnlyList<int> OptimalColumns,
    IReadOnlyList<int?> ColumnValues)
{
    /// <summary>Parses one line; never throws on bad input.</summary>
    public static bool TryParse(string line, out LabelledPosition? labelled, out string? error)
    {
        labelled = null;
        string[] halves = line.Split('|');
        string[] head = halves[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] values = halves.Length == 2 ? halves[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        if (halves.Length != 2 || head.Length != 3 || values.Length != ConnectFourPosition.Width)
        {
            error = "expected 'MOVES SCORE OPTIMAL | V1 V2 V3 V4 V5 V6 V7'";
            return false;
        }
        if (!ConnectFourPosition.TryParsePosition(head[0], out ConnectFourPosition position, out string? positionError))
        {
            error = $"bad moves: {positionError}";
            return false;
        }
        if (!int.TryParse(head[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int score))
        {
            error = $"bad score '{head[1]}': expected an integer";
            return false;
        }
        var optimal = new List<int>();
        foreach (string column in head[2].Split(','))
        {
            if (column.Length != 1 || column[0] < '1' || column[0] > '7')
            {
                error = $"bad optimal column '{column}': expected 1-7";
                return false;
            }
            optimal.Add(column[0] - '1');
        }
        optimal.Sort();
        var columnValues = new int?[ConnectFourPosition.Width];
        for (int c = 0; c < values.Length; c++)
        {
            if (values[c] == "x")
            {
                columnValues[c] = null;
            }
            else if (int.TryParse(values[c], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
            {
                columnValues[c] = v;
            }
            else
            {
                error = $"bad value '{values[c]}' for column {c + 1}: expected an integer or x";
                return false;
            }
        }
        labelled = new LabelledPosition(head[0], position, score, optimal, columnValues);
        error = null;
        return true;
    }

    /// <summary>Reads a whole file, skipping blank lines and lines starting with '#'.</summary>
    /// <exception cref="ZeroException">The file is missing or a line is malformed (the message names the line).</exception>
    public static IReadOnlyList<LabelledPosition> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ZeroException($"labelled positions file '{path}' not found: pass --file PATH of a labelled file (data/connect4/ in the repository holds two)");
        }
        var result = new List<LabelledPosition>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }
            if (!TryParse(line, out LabelledPosition? labelled, out string? error))
            {
                throw new ZeroException($"{path}:{lineNumber}: {error}");
            }
            result.Add(labelled!);
        }
        return result;
    }
}
