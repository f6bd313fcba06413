using System.Text.Json;
using HybridProf.Analysis;
using HybridProf.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HybridProf.Cli.Commands;

/// <summary>Turns the agent's cumulative <c>top</c> replies into the table of the last interval.</summary>
internal sealed class TopView(FunctionOrder sort, int rows)
{
    private Dictionary<string, (long Own, long Total)> _previous = new(StringComparer.Ordinal);
    private long _previousSamples;

    public IRenderable Update(int pid, JsonElement reply)
    {
        long samples = reply.GetProperty("samples").GetInt64();
        int rate = reply.GetProperty("rateHz").GetInt32();
        string mode = reply.GetProperty("mode").GetString() ?? "cpu";
        var meta = new ProfileMetadata(mode == "wall" ? ProfileMode.Wall : ProfileMode.Cpu, rate, TimeSpan.Zero);
        var now = new Dictionary<string, (long Own, long Total)>(StringComparer.Ordinal);
        foreach (var f in reply.GetProperty("functions").EnumerateArray())
            now[f.GetProperty("name").GetString()!] = (f.GetProperty("own").GetInt64(), f.GetProperty("total").GetInt64());

        long interval = samples - _previousSamples;
        var deltas = now.Select(kv =>
        {
            var before = _previous.GetValueOrDefault(kv.Key);
            return new FunctionWeight(new Frame(kv.Key), kv.Value.Own - before.Own, kv.Value.Total - before.Total);
        }).ToList();
        _previous = now;
        _previousSamples = samples;

        var table = FunctionTable.Create(withLocation: false);
        // A line above the table, not its title: Spectre centres and wraps titles to the table's width.
        var header = new Text(
            $"Process {pid}, {mode} mode at {rate} Hz: {interval:N0} samples in the last interval, {samples:N0} in all ({reply.GetProperty("durationMs").GetInt64() / 1000.0:0.0} s)");
        foreach (var row in FunctionWeights.Sort(deltas, sort).Take(rows))
        {
            var cumulative = now[row.Name];
            FunctionTable.Add(table, row.Name, row.Own, row.Total, interval, meta, null, withLocation: false, cumulative.Own, cumulative.Total);
        }
        return new Rows(header, table);
    }
}
