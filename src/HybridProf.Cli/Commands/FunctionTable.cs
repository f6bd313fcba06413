using HybridProf.Cli.Profiles;
using HybridProf.Model;
using Spectre.Console;

namespace HybridProf.Cli.Commands;

/// <summary>The py-spy-top style table report and top share: %Own, %Total, OwnTime, TotalTime, Function.</summary>
internal static class FunctionTable
{
    public static Table Create(bool withLocation = true)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(new TableColumn("%Own").RightAligned());
        table.AddColumn(new TableColumn("%Total").RightAligned());
        table.AddColumn(new TableColumn("OwnTime").RightAligned());
        table.AddColumn(new TableColumn("TotalTime").RightAligned());
        table.AddColumn(new TableColumn("Function"));
        if (withLocation)
            table.AddColumn(new TableColumn("Location"));
        return table;
    }

    /// <summary>
    /// One row. Percentages are of <c>percentBase</c>: all samples of the profile, or of the last
    /// interval in top, where <c>ownTime</c>/<c>totalTime</c> carry the cumulative weights instead.
    /// </summary>
    public static void Add(Table table, string name, long own, long totalWeight, long percentBase, ProfileMetadata meta, string? location, bool withLocation = true,
        long? ownTime = null, long? totalTime = null)
    {
        var cells = new List<string>(Numbers(own, totalWeight, percentBase, meta, ownTime, totalTime)) { Markup.Escape(name) };
        if (withLocation)
            cells.Add(Markup.Escape(location ?? ""));
        table.AddRow(cells.ToArray());
    }

    /// <summary>A row of the four number columns and a name already fitted to its width.</summary>
    public static void AddRow(Table table, string[] numbers, string name) =>
        table.AddRow([.. numbers, Markup.Escape(name)]);

    /// <summary>The four number cells of a row: %Own, %Total, OwnTime, TotalTime.</summary>
    public static string[] Numbers(long own, long totalWeight, long percentBase, ProfileMetadata meta, long? ownTime = null, long? totalTime = null) =>
    [
        Weights.Percent(own, percentBase),
        Weights.Percent(totalWeight, percentBase),
        Weights.Time(ownTime ?? own, meta),
        Weights.Time(totalTime ?? totalWeight, meta),
    ];

    private static readonly string[] NumberHeadings = ["%Own", "%Total", "OwnTime", "TotalTime"];

    /// <summary>
    /// Columns the four number columns take with <paramref name="rows"/>: each its widest cell
    /// or heading, a space of padding either side and the border column left of it.
    /// </summary>
    public static int NumbersWidth(IReadOnlyList<string[]> rows) =>
        Enumerable.Range(0, NumberHeadings.Length).Sum(c => rows.Select(r => r[c].Length).Append(NumberHeadings[c].Length).Max() + 3);

    /// <summary>What the name column takes beside its text: its padding and the borders either side of it.</summary>
    public const int NameColumnChrome = 4;

    /// <summary>Narrower than this a name says too little; the row then wraps rather than shows less.</summary>
    public const int MinimumNameWidth = 12;
}
