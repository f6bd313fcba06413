using HybridProf.Model;

namespace HybridProf.Cli.Profiles;

/// <summary>
/// One function's weight over a whole profile, threads merged: <see cref="Own"/> where it is the
/// leaf, <see cref="Total"/> where it is anywhere on the stack (once per stack under recursion).
/// </summary>
internal sealed record FunctionRow(string Name, long Own, long Total, string? File, int Line)
{
    /// <summary>Every function of <paramref name="profile"/>, unordered.</summary>
    public static List<FunctionRow> Collect(Profile profile)
    {
        var rows = new Dictionary<string, (long Own, long Total, Frame Frame)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stack in profile.Stacks)
        {
            seen.Clear();
            for (int i = 0; i < stack.Frames.Count; i++)
            {
                var frame = profile.Frames[stack.Frames[i]];
                var row = rows.GetValueOrDefault(frame.Name, (0, 0, frame));
                if (row.Frame.File is null && frame.File is not null)
                    row.Frame = frame;
                if (seen.Add(frame.Name))
                    row.Total += stack.Samples;
                if (i == stack.Frames.Count - 1)
                    row.Own += stack.Samples;
                rows[frame.Name] = row;
            }
        }
        return rows.Select(kv => new FunctionRow(kv.Key, kv.Value.Own, kv.Value.Total, kv.Value.Frame.File, kv.Value.Frame.Line)).ToList();
    }

    /// <summary>Orders rows by <paramref name="sort"/>, heaviest first (names alphabetically), ties by name.</summary>
    public static IEnumerable<FunctionRow> Sort(IEnumerable<FunctionRow> rows, SortKey sort) => sort switch
    {
        SortKey.Total => rows.OrderByDescending(r => r.Total).ThenBy(r => r.Name, StringComparer.Ordinal),
        SortKey.Name => rows.OrderBy(r => r.Name, StringComparer.Ordinal),
        _ => rows.OrderByDescending(r => r.Own).ThenBy(r => r.Name, StringComparer.Ordinal),
    };
}

/// <summary>How tables of functions are ordered.</summary>
internal enum SortKey
{
    /// <summary>Own weight, heaviest first.</summary>
    Own,

    /// <summary>Total (inclusive) weight, heaviest first.</summary>
    Total,

    /// <summary>Function name, ordinal.</summary>
    Name,
}
