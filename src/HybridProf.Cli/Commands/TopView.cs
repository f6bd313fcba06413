using System.Text.Json;
using HybridProf.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HybridProf.Cli.Commands;

/// <summary>
/// Turns the agent's cumulative <c>top</c> replies into the table of the last interval, sorted
/// by the column chosen (which the live view changes between replies) and fitted to the width.
/// </summary>
internal sealed class TopView(TopColumn sort, int rows)
{
    private Dictionary<string, (long Own, long Total)> _previous = new(StringComparer.Ordinal);
    private long _previousSamples;
    private Snapshot? _last;

    /// <summary>The column the rows are sorted by.</summary>
    public TopColumn Sort { get; set; } = sort;

    /// <summary>Whether to show the keys under the table (the live view, where they work).</summary>
    public bool ShowKeys { get; init; }

    /// <summary>Takes a reply and renders it at <paramref name="width"/> columns.</summary>
    public IRenderable Update(int pid, JsonElement reply, int width)
    {
        long samples = reply.GetProperty("samples").GetInt64();
        int rate = reply.GetProperty("rateHz").GetInt32();
        string mode = reply.GetProperty("mode").GetString() ?? "cpu";
        var meta = new ProfileMetadata(mode == "wall" ? ProfileMode.Wall : ProfileMode.Cpu, rate, TimeSpan.Zero);
        var now = new Dictionary<string, (long Own, long Total)>(StringComparer.Ordinal);
        foreach (var f in reply.GetProperty("functions").EnumerateArray())
            now[f.GetProperty("name").GetString()!] = (f.GetProperty("own").GetInt64(), f.GetProperty("total").GetInt64());

        long interval = samples - _previousSamples;
        var functions = now.Select(kv =>
        {
            var before = _previous.GetValueOrDefault(kv.Key);
            return new TopRow(kv.Key, kv.Value.Own - before.Own, kv.Value.Total - before.Total, kv.Value.Own, kv.Value.Total);
        }).ToList();
        _previous = now;
        _previousSamples = samples;
        // A line above the table, not its title: Spectre centres and wraps titles to the table's width.
        var header = ($"Process {pid}, {mode} mode at {rate} Hz",
            $"{interval:N0} samples in the last interval, {samples:N0} in all ({reply.GetProperty("durationMs").GetInt64() / 1000.0:0.0} s)");
        _last = new Snapshot(header, functions, interval, meta);
        return Render(width);
    }

    /// <summary>The last reply again, in the current sort (after a sort key) and width.</summary>
    public IRenderable Render(int width)
    {
        var lines = new List<IRenderable>();
        if (_last is not { } last)
        {
            lines.Add(new Text("Collecting samples…"));
        }
        else
        {
            // One line where it fits; else split where it reads well rather than where Spectre wraps it.
            string oneLine = $"{last.Header.Process}: {last.Header.Samples}";
            if (oneLine.Length <= width)
                lines.Add(new Text(oneLine));
            else
                lines.AddRange([new Text(last.Header.Process), new Text(last.Header.Samples)]);
            lines.Add(new Text($"Sorted by {TopColumns.Label(Sort)}"));
            lines.Add(Table(last, width));
        }
        if (ShowKeys)
            lines.Add(new Text(TopColumns.Keys));
        return new Rows(lines);
    }

    private Table Table(Snapshot last, int width)
    {
        var shown = Sorted(last.Functions).Take(rows).ToList();
        var cells = shown.Select(row => FunctionTable.Numbers(row.Own, row.Total, last.Interval, last.Meta, row.OwnSoFar, row.TotalSoFar)).ToList();
        int nameWidth = width - FunctionTable.NumbersWidth(cells) - FunctionTable.NameColumnChrome;
        var table = FunctionTable.Create(withLocation: false);
        for (int i = 0; i < shown.Count; i++)
            FunctionTable.AddRow(table, cells[i], FunctionNameFit.Shorten(shown[i].Name, Math.Max(FunctionTable.MinimumNameWidth, nameWidth)));
        return table;
    }

    private IEnumerable<TopRow> Sorted(IEnumerable<TopRow> functions) => Sort switch
    {
        TopColumn.Name => functions.OrderBy(f => f.Name, StringComparer.Ordinal),
        TopColumn.TotalPercent => functions.OrderByDescending(f => f.Total).ThenBy(f => f.Name, StringComparer.Ordinal),
        TopColumn.OwnTime => functions.OrderByDescending(f => f.OwnSoFar).ThenBy(f => f.Name, StringComparer.Ordinal),
        TopColumn.TotalTime => functions.OrderByDescending(f => f.TotalSoFar).ThenBy(f => f.Name, StringComparer.Ordinal),
        _ => functions.OrderByDescending(f => f.Own).ThenBy(f => f.Name, StringComparer.Ordinal),
    };

    /// <summary>One function: its weights in the last interval and since <c>top</c> started.</summary>
    private sealed record TopRow(string Name, long Own, long Total, long OwnSoFar, long TotalSoFar);

    private sealed record Snapshot((string Process, string Samples) Header, List<TopRow> Functions, long Interval, ProfileMetadata Meta);
}
