using HybridProf.Analysis;

namespace HybridProf.Cli.Commands;

/// <summary>What the <c>top</c> table is sorted by: one of its four number columns (keys 1–4), or the name.</summary>
internal enum TopColumn
{
    OwnPercent,
    TotalPercent,
    OwnTime,
    TotalTime,
    Name,
}

internal static class TopColumns
{
    /// <summary>The footer: which key sorts by which column, and how to quit.</summary>
    public const string Keys = "Keys: 1 %Own  2 %Total  3 OwnTime  4 TotalTime  q quit";

    /// <summary>--sort own/total mean the percentages, the columns that say what is hot now.</summary>
    public static TopColumn From(FunctionOrder order) => order switch
    {
        FunctionOrder.Total => TopColumn.TotalPercent,
        FunctionOrder.Name => TopColumn.Name,
        _ => TopColumn.OwnPercent,
    };

    /// <summary>The column key <paramref name="key"/> sorts by, or null for any other key.</summary>
    public static TopColumn? FromKey(char key) => key switch
    {
        '1' => TopColumn.OwnPercent,
        '2' => TopColumn.TotalPercent,
        '3' => TopColumn.OwnTime,
        '4' => TopColumn.TotalTime,
        _ => null,
    };

    /// <summary>The column's heading, as the table shows it.</summary>
    public static string Label(TopColumn column) => column switch
    {
        TopColumn.OwnPercent => "%Own",
        TopColumn.TotalPercent => "%Total",
        TopColumn.OwnTime => "OwnTime",
        TopColumn.TotalTime => "TotalTime",
        _ => "name",
    };
}
