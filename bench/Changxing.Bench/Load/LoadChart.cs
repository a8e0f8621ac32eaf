using ScottPlot;

namespace Changxing.Bench.Load;

/// <summary>
/// Throughput and latency against offered load, one line per provider: completed redemptions per second on top
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
        var colors = new[] { Colors.C0, Colors.C1, Colors.C2, Colors.C3 };

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

            var completed = throughput.Add.Scatter(offered, report.Steps.Select(s => s.CompletedPerSecond).ToArray());
            completed.LegendText = $"{report.Provider} completed/s";
            completed.Color = color;

            var p50 = latency.Add.Scatter(offered, report.Steps.Select(s => Finite(s.SubmissionToTicketMs.P50)).ToArray());
            p50.LegendText = $"{report.Provider} p50";
            p50.Color = color;
            p50.LinePattern = LinePattern.Dashed;

            var p99 = latency.Add.Scatter(offered, report.Steps.Select(s => Finite(s.SubmissionToTicketMs.P99)).ToArray());
            p99.LegendText = $"{report.Provider} p99";
            p99.Color = color;
            p99.LineWidth = 2;
        }

        var limit = latency.Add.HorizontalLine(p99LimitMs);
        limit.LineColor = Colors.Red;
        limit.LinePattern = LinePattern.Dotted;
        limit.LegendText = $"{p99LimitMs / 1000:0.#} s";

        throughput.Title("Redemptions through the gateway (open loop, one step per offered rate)");
        throughput.Axes.Left.Label.Text = "completed redemptions/s";
        throughput.Legend.IsVisible = true;
        throughput.Legend.Alignment = Alignment.UpperLeft;
        latency.Axes.Left.Label.Text = "submission to ticket issued (ms)";
        latency.Axes.Bottom.Label.Text = "offered redemptions/s";
        latency.Legend.IsVisible = true;
        latency.Legend.Alignment = Alignment.UpperLeft;
        throughput.Axes.SetLimitsY(0, most * 1.05);
        throughput.Axes.SetLimitsX(0, most * 1.05);
        latency.Axes.SetLimitsX(0, most * 1.05);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        multiplot.SavePng(path, 900, 800);
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
