using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using HybridProf.Analysis;
using HybridProf.Model;

namespace HybridProf.Formats.TextReport;

/// <summary>
/// A plain-text table of the functions that cost the most, like statprof or <c>py-spy top</c>:
/// <c>%Own  %Total  OwnSamples  TotalSamples  Function  (file:line)</c>, heaviest own weight first
/// (ties by name), under a header line with mode, total, duration and rate. Own is the weight of
/// stacks where the function is the leaf; Total the weight of stacks containing it, counted
/// once per stack under recursion. In deterministic mode the weights are nanoseconds and the
/// count columns are headed <c>Own(ns)</c> and <c>Total(ns)</c>. A profile with call timings
/// (recorded in deterministic mode) gets the pstats-style table of <see cref="CallStatsReport"/> instead.
/// </summary>
public sealed class TextReportWriter : IProfileWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>How many functions a report lists unless told otherwise: 30.</summary>
    public const int DefaultTop = 30;

    /// <summary>A report of the <paramref name="top"/> heaviest functions.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is not positive.</exception>
    public TextReportWriter(int top = DefaultTop)
    {
        Top = CheckTop(top);
    }

    /// <summary>How many functions the table lists at most.</summary>
    public int Top { get; }

    /// <inheritdoc />
    public void Write(Profile profile, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write(Render(profile, Top));
    }

    /// <summary>The report as text, lines ending in <c>\n</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is not positive.</exception>
    public static string Render(Profile profile, int top = DefaultTop)
    {
        // A deterministic recording has exact calls and times: show them as pstats does.
        if (profile.Timings is not null)
            return CallStatsReport.Render(profile, CallSort.Own, CheckTop(top));
        var all = FunctionWeights.Of(profile);
        var rows = all.Take(CheckTop(top)).ToList();
        long total = profile.TotalSamples;
        bool ns = profile.Metadata.Mode == ProfileMode.Deterministic;

        var w = new StringBuilder();
        w.Append(Header(profile.Metadata, total)).Append('\n');
        if (profile.Metadata.FoldedNote is { } folded)
            w.Append(folded).Append('\n');
        w.Append($"Top {rows.Count.ToString(Inv)} of {all.Count.ToString(Inv)} functions by own {(ns ? "time" : "samples")}\n\n");

        string ownHead = ns ? "Own(ns)" : "OwnSamples", totalHead = ns ? "Total(ns)" : "TotalSamples";
        int ownWidth = Math.Max(ownHead.Length, rows.Select(r => Count(r.Own).Length).DefaultIfEmpty().Max());
        int totalWidth = Math.Max(totalHead.Length, rows.Select(r => Count(r.Total).Length).DefaultIfEmpty().Max());
        int nameWidth = Math.Max("Function".Length, rows.Select(r => Clean(r.Name).Length).DefaultIfEmpty().Max());

        w.Append($"{"%Own",7}  {"%Total",7}  {ownHead.PadLeft(ownWidth)}  {totalHead.PadLeft(totalWidth)}  Function\n");
        foreach (var row in rows)
        {
            w.Append($"{Percent(row.Own, total),7}  {Percent(row.Total, total),7}  ");
            w.Append($"{Count(row.Own).PadLeft(ownWidth)}  {Count(row.Total).PadLeft(totalWidth)}  ");
            // No padding after the last column: trailing spaces would only make diffs noisy.
            w.Append(row.Frame.File is { } file
                ? Clean(row.Name).PadRight(nameWidth) + "  (" + Location(file, row.Frame.Line) + ")"
                : Clean(row.Name));
            w.Append('\n');
        }
        return w.ToString();
    }

    private static int CheckTop(int top) => top > 0
        ? top
        : throw new ArgumentOutOfRangeException(nameof(top), top, "The report must show at least one function.");

    private static string Header(ProfileMetadata metadata, long total)
    {
        string mode = metadata.Mode.ToString().ToLowerInvariant();
        string duration = metadata.Duration.TotalSeconds.ToString("0.00", Inv) + " s";
        if (metadata.Mode == ProfileMode.Deterministic)
            return $"Mode: {mode}   Total: {Count(total)} ns   Duration: {duration}";
        string header = $"Mode: {mode}   Samples: {Count(total)}   Duration: {duration}   Rate: {metadata.RateHz.ToString(Inv)} Hz";
        return metadata.MissedTicks > 0 ? header + $"   Missed ticks: {Count(metadata.MissedTicks)}" : header;
    }

    private static string Percent(long part, long total) =>
        (total == 0 ? 0 : 100.0 * part / total).ToString("0.00", Inv);

    private static string Count(long value) => value.ToString("N0", Inv);

    private static string Location(string file, int line) =>
        line > 0 ? file + ":" + line.ToString(Inv) : file;

    // One function, one line: a name with a line break would split the table.
    private static string Clean(string name) => name.Replace('\r', ' ').Replace('\n', ' ');
}
