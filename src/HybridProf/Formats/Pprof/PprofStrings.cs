using System.Collections.Generic;

namespace HybridProf.Formats.Pprof;

/// <summary>
/// The writer's string table: each distinct string once, in order of first use, so output is
/// deterministic. Index 0 is always "" (profile.proto: string_table[0] must always be "").
/// </summary>
internal sealed class PprofStrings
{
    private readonly Dictionary<string, long> _index = new() { [""] = 0 };
    private readonly List<string> _strings = new() { "" };

    /// <summary>The strings, in index order.</summary>
    public IReadOnlyList<string> All => _strings;

    /// <summary>The index of <paramref name="value"/>, adding it on first use; null is "" (index 0, "unset").</summary>
    public long this[string? value]
    {
        get
        {
            value ??= "";
            if (!_index.TryGetValue(value, out long index))
            {
                index = _strings.Count;
                _strings.Add(value);
                _index.Add(value, index);
            }
            return index;
        }
    }
}
