using System;
using System.Globalization;

namespace HybridProf.Fody;

/// <summary>A 1-based source range <c>startLine:startColumn-endLine:endColumn</c>.</summary>
internal readonly struct SourceSpan
{
    public SourceSpan(int startLine, int startColumn, int endLine, int endColumn)
    {
        StartLine = startLine;
        StartColumn = startColumn;
        EndLine = endLine;
        EndColumn = endColumn;
    }

    public int StartLine { get; }
    public int StartColumn { get; }
    public int EndLine { get; }
    public int EndColumn { get; }

    public bool Contains(int line, int column) =>
        Compare(line, column, StartLine, StartColumn) >= 0 && Compare(line, column, EndLine, EndColumn) <= 0;

    /// <summary>True when this span lies inside <paramref name="other"/> (nested lambdas).</summary>
    public bool IsWithin(SourceSpan other) =>
        other.Contains(StartLine, StartColumn) && other.Contains(EndLine, EndColumn);

    public static SourceSpan Parse(string text)
    {
        string[] ends = text.Split('-');
        if (ends.Length != 2)
            throw new FormatException($"bad span '{text}'");
        var (sl, sc) = Point(ends[0]);
        var (el, ec) = Point(ends[1]);
        return new SourceSpan(sl, sc, el, ec);
    }

    private static (int Line, int Column) Point(string text)
    {
        string[] parts = text.Split(':');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static int Compare(int l1, int c1, int l2, int c2) => l1 != l2 ? l1.CompareTo(l2) : c1.CompareTo(c2);
}
