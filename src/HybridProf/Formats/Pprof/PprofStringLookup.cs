using System;
using System.Collections.Generic;

namespace HybridProf.Formats.Pprof;

/// <summary>A read profile's string table, checked: index 0 is "" and every index is in range.</summary>
internal sealed class PprofStringLookup
{
    private readonly List<string> _strings;

    public PprofStringLookup(List<string> strings)
    {
        if (strings.Count == 0)
            throw new FormatException("pprof: the string table is empty (string_table[0] must be \"\"); this is not a pprof profile");
        if (strings[0].Length != 0)
            throw new FormatException($"pprof: string_table[0] must be \"\", not \"{strings[0]}\"");
        _strings = strings;
    }

    /// <summary>The string at <paramref name="index"/>, read from field <paramref name="field"/>.</summary>
    public string Get(long index, string field)
    {
        if (index < 0 || index >= _strings.Count)
            throw new FormatException($"pprof: {field} refers to string {index}, but the string table has {_strings.Count} entries");
        return _strings[(int)index];
    }
}
