using System;
using System.Collections.Generic;
using System.Globalization;
using HybridProf.Contracts;

namespace HybridProf.Markers;

/// <summary>Reads the text of a generated method table (format in docs/method-table.md).</summary>
internal static class MethodTableParser
{
    // Newer runtimes keep reading older versions: the format is a binary contract.
    private const string Header = MethodTableFormat.Header;
    private const int FormatVersion = MethodTableFormat.Version;

    /// <exception cref="FormatException">The text is not a table this runtime understands.</exception>
    public static List<MethodEntry> Parse(string data)
    {
        string[] lines = data.Split('\n');
        if (!lines[0].StartsWith(Header, StringComparison.Ordinal) ||
            !int.TryParse(lines[0].Substring(Header.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int version))
            throw new FormatException("not a HybridProf method table (missing header)");
        if (version > FormatVersion)
            throw new FormatException($"method table format {version} is newer than this runtime understands ({FormatVersion}); update the HybridProf package");

        var entries = new List<MethodEntry>(lines.Length - 1);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
                continue;
            string[] f = lines[i].Split('\t');
            if (f.Length < 5)
                throw new FormatException($"method table line {i} has {f.Length} fields, expected at least 5");
            int.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out int line);
            entries.Add(new MethodEntry(Name: f[2], File: f[3], Line: line, Kind: f[0], Flags: f[1]));
        }
        return entries;
    }
}
