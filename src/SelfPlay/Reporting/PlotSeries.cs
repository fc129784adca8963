namespace Zero.SelfPlay.Reporting;

/// <summary>One line of a chart: a name for the legend and its (x, y) points in order of x.</summary>
public sealed record PlotSeries(string Name, IReadOnlyList<(double X, double Y)> Points);
