using System.CommandLine;
using System.Globalization;
using HybridProf.Analysis;
using HybridProf.Cli.Profiles;
using HybridProf.Formats;
using HybridProf.Model;
using Spectre.Console;
using Profile = HybridProf.Model.Profile;

namespace HybridProf.Cli.Commands;

/// <summary><c>hybridprof diff BASE NEW -o diff.svg</c>: what grew and what shrank between two profiles.</summary>
internal static class DiffCommand
{
    private static readonly string Svg = ProfileFormats.Extension(ProfileFormat.Svg);

    public static Command Create()
    {
        var baseline = new Argument<string>("BASE") { Description = $"The profile before the change ({Options.Readable})." };
        var current = new Argument<string>("NEW") { Description = "The profile after the change." };
        var output = new Option<string?>("--output", "-o") { Description = $"Differential flamegraph to write ({Svg}): NEW's boxes, red where own share grew, blue where it shrank." };
        var top = Options.Top(15);
        var command = new Command("diff", "Compare two profiles: a differential flamegraph and a table of the largest changes in own share.") { baseline, current, output, top };
        command.SetAction(result => Guard.Run(() =>
        {
            var before = Guard.ReadProfile(result.GetValue(baseline)!);
            var after = Guard.ReadProfile(result.GetValue(current)!);
            if (result.GetValue(output) is { } path)
            {
                if (ProfileFormats.FromPath(path) != ProfileFormat.Svg)
                    throw new UsageException($"'{path}': a differential flamegraph is an {Svg} file");
                DiffFlamegraph.Write(before, after, path);
                Terminal.Note($"wrote {path}");
            }
            Summarize(Terminal.Create(), before, after, result.GetValue(top));
            return 0;
        }));
        return command;
    }

    /// <summary>The functions whose own share of the profile changed most, in percentage points.</summary>
    public static void Summarize(IAnsiConsole console, Profile before, Profile after, int top)
    {
        var old = FunctionWeights.Of(before).ToDictionary(r => r.Name, StringComparer.Ordinal);
        var now = FunctionWeights.Of(after).ToDictionary(r => r.Name, StringComparer.Ordinal);
        long oldTotal = before.TotalSamples, newTotal = after.TotalSamples;
        var changes = old.Keys.Union(now.Keys)
            .Select(name => (Name: name,
                Before: Share(old.GetValueOrDefault(name)?.Own ?? 0, oldTotal),
                After: Share(now.GetValueOrDefault(name)?.Own ?? 0, newTotal)))
            .Select(c => (c.Name, c.Before, c.After, Delta: c.After - c.Before))
            .Where(c => Math.Abs(c.Delta) >= 0.005)
            .OrderByDescending(c => Math.Abs(c.Delta)).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(top)
            .ToList();

        console.MarkupLine(Markup.Escape($"Base: {oldTotal:N0} {before.Metadata.Unit}; new: {newTotal:N0} {after.Metadata.Unit}. Largest changes in own share:"));
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(new TableColumn("Change").RightAligned());
        table.AddColumn(new TableColumn("Base %Own").RightAligned());
        table.AddColumn(new TableColumn("New %Own").RightAligned());
        table.AddColumn("Function");
        foreach (var c in changes)
        {
            string colour = c.Delta > 0 ? "red" : "blue";
            string delta = c.Delta.ToString("+0.00;-0.00", CultureInfo.InvariantCulture) + " pp";
            string verdict = c.Before == 0 ? " (new)" : c.After == 0 ? " (gone)" : "";
            table.AddRow($"[{colour}]{delta}[/]", Pct(c.Before), Pct(c.After), Markup.Escape(c.Name + verdict));
        }
        console.Write(table);
        if (changes.Count == 0)
            console.MarkupLine("No function's own share changed by 0.01 points or more.");
    }

    private static double Share(long weight, long total) => total == 0 ? 0 : 100.0 * weight / total;

    private static string Pct(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
