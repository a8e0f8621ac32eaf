using ScottPlot;

namespace Changxing.Bench.Load;

/// <summary>
/// Throughput and latency against offered load, one line per provider and run (labelled with its UTC start time, and
/// "×2" where each service ran two instances): completed redemptions per second on top
/// (the diagonal is "everything offered was completed"), p50 and p99 from submission to ticket below, with the 1 s line.
/// </summary>
public static class LoadChart
{
    public static void Save(IReadOnlyList<LoadReport> reports, string path, double p99LimitMs)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        var throughput = multiplot.GetPlot(0);
        var latency = multiplot.GetPlot(1);
        var colors = new[] { Colors.C0, Colors.C1, Colors.C2, Colors.C3, Colors.C4, Colors.C5, Colors.C6, Colors.C7 };

        var most = reports.SelectMany(r => r.Steps).Select(s => s.OfferedPerSecond).DefaultIfEmpty(1).Max();
        var ideal = throughput.Add.Line(0, 0, most, most);
        ideal.LineColor = Colors.Gray;
        ideal.LinePattern = LinePattern.Dotted;
        ideal.LegendText = "offered";

        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            var color = colors[i % colors.Length];
            var offered = report.Steps.Select(s => s.OfferedPerSecond).ToArray();
            var load = report.Steps.Select(s => s.LoadAverage1m).DefaultIfEmpty(0).Max();

            var completed = throughput.Add.Scatter(offered, report.Steps.Select(s => s.CompletedPerSecond).ToArray());
            var label = $"{report.Label} {report.StartedAt:HH:mm}";
            completed.LegendText = $"{label} completed/s (load average up to {load:0} on {report.Cores} cores)";
            completed.Color = color;

            var p50 = latency.Add.Scatter(offered, report.Steps.Select(s => Log(s.SubmissionToTicketMs.P50)).ToArray());
            p50.LegendText = $"{label} p50";
            p50.Color = color;
            p50.LinePattern = LinePattern.Dashed;

            var p99 = latency.Add.Scatter(offered, report.Steps.Select(s => Log(s.SubmissionToTicketMs.P99)).ToArray());
            p99.LegendText = $"{label} p99";
            p99.Color = color;
            p99.LineWidth = 2;
        }

        var limit = latency.Add.HorizontalLine(Math.Log10(p99LimitMs));
        limit.LineColor = Colors.Red;
        limit.LinePattern = LinePattern.Dotted;
        limit.LegendText = $"{p99LimitMs / 1000:0.#} s";

        throughput.Title("Redemptions through the gateway (open loop, one step per offered rate)");
        throughput.Axes.Left.Label.Text = "completed redemptions/s";
        throughput.Legend.IsVisible = true;
        throughput.Legend.Alignment = Alignment.UpperLeft;
        // Latency spans 10 ms to tens of seconds: a log scale, drawn as log10 values with labelled decades.
        double[] decades = [10, 30, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000];
        latency.Axes.Left.SetTicks([.. decades.Select(Math.Log10)], [.. decades.Select(d => d.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))]);
        latency.Axes.Left.Label.Text = "submission to ticket issued (ms, log scale)";
        latency.Axes.Bottom.Label.Text = "offered redemptions/s";
        latency.Legend.IsVisible = true;
        latency.Legend.Alignment = Alignment.LowerRight;
        throughput.Axes.SetLimitsY(0, most * 1.05);
        throughput.Axes.SetLimitsX(0, most * 1.05);
        latency.Axes.SetLimitsX(0, most * 1.05);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        multiplot.SavePng(path, 900, 800);
    }

    private static double Log(double milliseconds) => double.IsFinite(milliseconds) && milliseconds > 0 ? Math.Log10(milliseconds) : double.NaN;
}
