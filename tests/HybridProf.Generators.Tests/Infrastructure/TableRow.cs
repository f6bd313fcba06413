namespace HybridProf.Generators.Tests.Infrastructure;

/// <summary>One method line of a table, its ten fields by name (docs/method-table.md).</summary>
internal sealed record TableRow(
    int Id, string Kind, string Flags, string Display, string File, int Line,
    string Type, string Member, string Signature, string LocalKey, string Span)
{
    public const string Header = "hybridprof-table 1";

    public static IReadOnlyList<TableRow> ParseAll(string data)
    {
        if (data.Length == 0)
            return Array.Empty<TableRow>();
        string[] lines = data.Split('\n');
        Assert.Equal(Header, lines[0]);
        return lines.Skip(1).Select((line, i) => Parse(i + 1, line)).ToList();
    }

    private static TableRow Parse(int id, string line)
    {
        string[] f = line.Split('\t');
        Assert.True(f.Length == 10, $"line {id} has {f.Length} fields: {line}");
        return new TableRow(id, f[0], f[1], f[2], f[3], int.Parse(f[4]), f[5], f[6], f[7], f[8], f[9]);
    }
}
