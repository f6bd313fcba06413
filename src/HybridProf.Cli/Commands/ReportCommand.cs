using System.CommandLine;
using HybridProf.Analysis;
using HybridProf.Model;
using Spectre.Console;
using Profile = HybridProf.Model.Profile;

namespace HybridProf.Cli.Commands;

/// <summary><c>hybridprof report FILE</c>: the functions that cost the most, as a table.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = $"A profile to read: {Options.Readable}." };
        var top = Options.Top(30);
        var sort = Options.Sort();
        var command = new Command("report", "Print the functions with the most own (or total) time in a profile file.") { file, top, sort };
        command.SetAction(result => Guard.Run(() =>
        {
            var profile = Guard.ReadProfile(result.GetValue(file)!);
            int n = Options.CheckTop(result.GetValue(top));
            Render(Terminal.Create(), profile, n, Options.ParseSort(result.GetValue(sort)));
            return 0;
        }));
        return command;
    }

    public static void Render(IAnsiConsole console, Profile profile, int top, FunctionOrder sort)
    {
        var rows = FunctionWeights.Of(profile);
        long total = profile.TotalSamples;
        var meta = profile.Metadata;
        console.MarkupLine(Markup.Escape(Header(meta, total)));
        console.MarkupLine(Markup.Escape($"Top {Math.Min(top, rows.Count)} of {rows.Count} functions by {sort.ToString().ToLowerInvariant()}"));
        var table = FunctionTable.Create();
        foreach (var row in FunctionWeights.Sort(rows, sort).Take(top))
            FunctionTable.Add(table, row.Name, row.Own, row.Total, total, meta, row.Frame.File is null ? null : $"{row.Frame.File}:{row.Frame.Line}");
        console.Write(table);
    }

    private static string Header(ProfileMetadata meta, long total)
    {
        string mode = meta.Mode.ToString().ToLowerInvariant();
        string weight = meta.Mode == ProfileMode.Deterministic ? $"Total: {total:N0} ns" : $"Samples: {total:N0}   Rate: {meta.RateHz} Hz";
        return $"Mode: {mode}   {weight}   Duration: {meta.Duration.TotalSeconds:0.00} s";
    }
}
