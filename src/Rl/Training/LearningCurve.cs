using System.Globalization;
using System.Text;

namespace Zero.Rl.Training;

/// <summary>
/// The learning curve of a run: (steps, seconds, episodes, recent mean return) rows collected from the progress
/// callback, written as CSV and as a self-contained SVG line chart. Written by <c>zero rl train</c> into the run folder.
/// </summary>
public sealed class LearningCurve
{
    private readonly List<TrainingProgress> _points = [];

    /// <summary>The recorded points.</summary>
    public IReadOnlyList<TrainingProgress> Points => _points;

    /// <summary>Adds a point (ignored while no episode has finished).</summary>
    public void Add(TrainingProgress p)
    {
        if (!double.IsNaN(p.RecentMeanReturn))
        {
            _points.Add(p);
        }
    }

    /// <summary>CSV with a header: steps,seconds,episodes,mean_return.</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder("steps,seconds,episodes,mean_return\n");
        foreach (TrainingProgress p in _points)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{p.Steps},{p.Seconds:F3},{p.Episodes},{p.RecentMeanReturn:F3}\n");
        }
        return sb.ToString();
    }

    /// <summary>An SVG chart of mean return against environment steps, with axis labels and a title.</summary>
    public string ToSvg(string title, double? threshold = null)
    {
        const int width = 720, height = 420, left = 70, right = 20, top = 40, bottom = 50;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Escape(title)}</text>\n");
        if (_points.Count == 0)
        {
            sb.Append("<text x=\"360\" y=\"210\" text-anchor=\"middle\">no finished episode yet</text>\n</svg>\n");
            return sb.ToString();
        }
        double xMax = Math.Max(1, _points[^1].Steps);
        double yMin = _points.Min(p => p.RecentMeanReturn), yMax = _points.Max(p => p.RecentMeanReturn);
        if (threshold is double th)
        {
            yMin = Math.Min(yMin, th);
            yMax = Math.Max(yMax, th);
        }
        if (yMax - yMin < 1e-9)
        {
            yMax += 1;
            yMin -= 1;
        }
        double X(double s) => left + ((width - left - right) * s / xMax);
        double Y(double r) => top + ((height - top - bottom) * (yMax - r) / (yMax - yMin));
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - right}\" y2=\"{height - bottom}\" stroke=\"black\"/>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{height - bottom}\" stroke=\"black\"/>\n");
        for (int i = 0; i <= 4; i++)
        {
            double s = xMax * i / 4, r = yMin + ((yMax - yMin) * i / 4);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(s):F1}\" y=\"{height - bottom + 18}\" text-anchor=\"middle\">{s:N0}</text>\n");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{Y(r) + 4:F1}\" text-anchor=\"end\">{r:F1}</text>\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{(left + width - right) / 2}\" y=\"{height - 12}\" text-anchor=\"middle\">environment steps</text>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"16\" y=\"{(top + height - bottom) / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {(top + height - bottom) / 2})\">mean return (last 100 episodes)</text>\n");
        if (threshold is double t)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{Y(t):F1}\" x2=\"{width - right}\" y2=\"{Y(t):F1}\" stroke=\"gray\" stroke-dasharray=\"5,4\"/>\n");
        }
        sb.Append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"");
        foreach (TrainingProgress p in _points)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{X(p.Steps):F1},{Y(p.RecentMeanReturn):F1} ");
        }
        sb.Append("\"/>\n</svg>\n");
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
