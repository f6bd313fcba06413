using System.Globalization;
using System.Text.RegularExpressions;

namespace HybridProf.Cli.Tune;

/// <summary>
/// Reads the counts back from a deterministic run's text report (the pstats-style table of
/// docs/deterministic.md), the one output that carries calls per function: the header's total
/// of calls, and each listed row's <c>ncalls</c>, <c>tottime</c> and <c>filename:lineno(function)</c>.
/// </summary>
internal static partial class CallStatsReader
{
    /// <exception cref="FormatException">The text is not such a report.</exception>
    public static CallCounts Read(string text, string source)
    {
        string[] lines = text.Split('\n');
        var total = TotalLine().Match(lines[0]);
        if (!total.Success)
            throw new FormatException($"{source}: not a deterministic report (its first line does not count function calls)");
        int header = Array.FindIndex(lines, l => l.TrimStart().StartsWith("ncalls ", StringComparison.Ordinal));
        if (header < 0)
            throw new FormatException($"{source}: the deterministic report has no ncalls table");

        var functions = new List<FunctionCalls>();
        for (int i = header + 1; i < lines.Length && lines[i].Length > 0; i++)
            functions.Add(Row(lines[i], i + 1, source));
        return new CallCounts(functions, long.Parse(total.Groups["calls"].Value, CultureInfo.InvariantCulture));
    }

    private static FunctionCalls Row(string line, int lineNumber, string source)
    {
        var row = RowLine().Match(line);
        if (!row.Success)
            throw new FormatException($"{source}: line {lineNumber} is not a row of the ncalls table: {line}");
        long calls = long.Parse(row.Groups["calls"].Value, CultureInfo.InvariantCulture);
        double ownSeconds = double.Parse(row.Groups["own"].Value, CultureInfo.InvariantCulture);
        string location = row.Groups["location"].Value;
        // Synthetic frames have no file: "{name}".
        if (location.StartsWith('{') && location.EndsWith('}'))
            return new FunctionCalls(location[1..^1], null, calls, ownSeconds * 1e9);
        var place = Location().Match(location);
        if (!place.Success)
            throw new FormatException($"{source}: line {lineNumber} has no filename:lineno(function): {line}");
        return new FunctionCalls(place.Groups["name"].Value, place.Groups["file"].Value, calls, ownSeconds * 1e9);
    }

    [GeneratedRegex(@"^(?<calls>\d+) function calls ")]
    private static partial Regex TotalLine();

    // ncalls (n or n/primitive), tottime, percall, cumtime, percall, [wall, percall], location.
    [GeneratedRegex(@"^\s*(?<calls>\d+)(?:/\d+)?\s+(?<own>\d+\.\d+)\s+\d+\.\d+\s+\d+\.\d+\s+\d+\.\d+(?:\s+\d+\.\d+\s+\d+\.\d+)?\s+(?<location>\S.*)$")]
    private static partial Regex RowLine();

    // A frame name holds no ":digits(", so the last one ends the file name.
    [GeneratedRegex(@"^(?<file>.*):(?<line>\d+)\((?<name>.*)\)$")]
    private static partial Regex Location();
}
