using System.Globalization;
using System.Net;
using System.Text;

namespace Zero.SelfPlay.Reporting;

/// <summary>
/// A small dependency-free SVG line chart (axes, "nice" ticks, grid, legend, one polyline per series), enough for
/// the plots a run refreshes: losses per training step, win rate and Elo per generation. The file opens in any
/// browser. Called by <see cref="RunPlots"/>; writes through a temporary file and a rename so a browser that
/// reloads never sees half a file.
/// <code>
///  +--------------------------------------------+
///  | title                                       |
///  |  y ticks | plot area (grid, polylines)      |
///  |          +--------------------------------- |
///  |             x ticks        x label   legend |
///  +--------------------------------------------+
/// </code>
/// </summary>
public static class SvgLineChart
{
    private static readonly string[] Colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];
    private const int Width = 720, Height = 420, Left = 64, Right = 170, Top = 40, Bottom = 50;

    /// <summary>Renders the chart as SVG text. Series without points are listed in the legend only.</summary>
    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<PlotSeries> series,
        double? yMin = null, double? yMax = null)
    {
        // 1. Data ranges (fixed bounds win; an empty chart gets 0..1).
        var all = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        double x0 = all.Count > 0 ? all.Min(p => p.X) : 0, x1 = all.Count > 0 ? all.Max(p => p.X) : 1;
        double y0 = yMin ?? (all.Count > 0 ? all.Min(p => p.Y) : 0), y1 = yMax ?? (all.Count > 0 ? all.Max(p => p.Y) : 1);
        if (x1 - x0 < 1e-12) { x0 -= 0.5; x1 += 0.5; }
        if (y1 - y0 < 1e-12) { y0 -= 0.5; y1 += 0.5; }
        double[] xTicks = NiceTicks(x0, x1, 6);
        double[] yTicks = NiceTicks(y0, y1, 6);
        x0 = Math.Min(x0, xTicks[0]); x1 = Math.Max(x1, xTicks[^1]);
        if (yMin is null) y0 = Math.Min(y0, yTicks[0]);
        if (yMax is null) y1 = Math.Max(y1, yTicks[^1]);
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(double x) => Left + (x - x0) / (x1 - x0) * plotW;
        double Y(double y) => Top + plotH - (y - y0) / (y1 - y0) * plotH;

        // 2. Frame, grid and ticks.
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Escape(title)}</text>\n");
        foreach (double t in yTicks.Where(t => t >= y0 - 1e-9 && t <= y1 + 1e-9))
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Left}\" y1=\"{Y(t):0.#}\" x2=\"{Left + plotW:0.#}\" y2=\"{Y(t):0.#}\" stroke=\"#e0e0e0\"/>"
                + $"<text x=\"{Left - 6}\" y=\"{Y(t) + 4:0.#}\" text-anchor=\"end\">{FormatTick(t)}</text>\n");
        }
        foreach (double t in xTicks.Where(t => t >= x0 - 1e-9 && t <= x1 + 1e-9))
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{X(t):0.#}\" y1=\"{Top}\" x2=\"{X(t):0.#}\" y2=\"{Top + plotH:0.#}\" stroke=\"#f0f0f0\"/>"
                + $"<text x=\"{X(t):0.#}\" y=\"{Top + plotH + 16:0.#}\" text-anchor=\"middle\">{FormatTick(t)}</text>\n");
        }
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW:0.#}\" height=\"{plotH:0.#}\" fill=\"none\" stroke=\"#444\"/>\n");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{Left + plotW / 2:0.#}\" y=\"{Height - 10}\" text-anchor=\"middle\">{Escape(xLabel)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text transform=\"translate(16 {Top + plotH / 2:0.#}) rotate(-90)\" text-anchor=\"middle\">{Escape(yLabel)}</text>\n");

        // 3. One polyline (and dots when there are few points) per series, and the legend.
        for (int i = 0; i < series.Count; i++)
        {
            string color = Colors[i % Colors.Length];
            var points = series[i].Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
            if (points.Count > 0)
            {
                string coords = string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.X):0.##},{Y(Math.Clamp(p.Y, y0, y1)):0.##}")));
                svg.Append(CultureInfo.InvariantCulture,
                    $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.8\" points=\"{coords}\"/>\n");
                if (points.Count <= 60)
                {
                    foreach ((double px, double py) in points)
                    {
                        svg.Append(CultureInfo.InvariantCulture,
                            $"<circle cx=\"{X(px):0.##}\" cy=\"{Y(Math.Clamp(py, y0, y1)):0.##}\" r=\"2.5\" fill=\"{color}\"/>");
                    }
                    svg.Append('\n');
                }
            }
            double ly = Top + 10 + i * 18;
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Width - Right + 12}\" y1=\"{ly:0.#}\" x2=\"{Width - Right + 32}\" y2=\"{ly:0.#}\" stroke=\"{color}\" stroke-width=\"3\"/>"
                + $"<text x=\"{Width - Right + 38}\" y=\"{ly + 4:0.#}\">{Escape(series[i].Name)}</text>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>Renders and writes the chart to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void Write(string path, string title, string xLabel, string yLabel, IReadOnlyList<PlotSeries> series,
        double? yMin = null, double? yMax = null)
    {
        string temp = path + ".tmp";
        File.WriteAllText(temp, Render(title, xLabel, yLabel, series, yMin, yMax));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Tick values at 1, 2 or 5 × 10^k steps covering [lo, hi] with about <paramref name="count"/> ticks.</summary>
    public static double[] NiceTicks(double lo, double hi, int count)
    {
        double raw = (hi - lo) / Math.Max(1, count - 1);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = (raw / magnitude) switch
        {
            <= 1 => 1 * magnitude,
            <= 2 => 2 * magnitude,
            <= 5 => 5 * magnitude,
            _ => 10 * magnitude,
        };
        double start = Math.Floor(lo / step) * step;
        double end = Math.Ceiling(hi / step) * step;
        var ticks = new List<double>();
        for (double t = start; t <= end + step * 1e-6; t += step)
        {
            ticks.Add(Math.Round(t / step) * step);
        }
        return [.. ticks];
    }

    private static string FormatTick(double value) =>
        Math.Abs(value) >= 10000 ? value.ToString("0.#e0", CultureInfo.InvariantCulture)
        : value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
