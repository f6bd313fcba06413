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
        var cells = new List<string>
        {
            Weights.Percent(own, percentBase),
            Weights.Percent(totalWeight, percentBase),
            Weights.Time(ownTime ?? own, meta),
            Weights.Time(totalTime ?? totalWeight, meta),
            Markup.Escape(name),
        };
        if (withLocation)
            cells.Add(Markup.Escape(location ?? ""));
        table.AddRow(cells.ToArray());
    }
}
