using System.Collections.Generic;

namespace HybridProf.Fody;

/// <summary>Edits the flags field (field 2) of method-table rows (docs/method-table.md).</summary>
internal static class TableFlags
{
    /// <summary><paramref name="data"/> with <paramref name="letter"/> added to the flags of the rows with these local ids (line numbers after the header).</summary>
    public static string Add(string data, IReadOnlyCollection<int> localIds, char letter)
    {
        var ids = new HashSet<int>(localIds);
        string[] lines = data.Split('\n');
        foreach (int id in ids)
        {
            string[] fields = lines[id].Split('\t');
            fields[1] = fields[1] == "-" ? letter.ToString() : fields[1] + letter;
            lines[id] = string.Join("\t", fields);
        }
        return string.Join("\n", lines);
    }
}
