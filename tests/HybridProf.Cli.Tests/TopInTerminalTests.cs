using System.Globalization;
using System.Text.RegularExpressions;
using HybridProf.EndToEnd.Tests;

namespace HybridProf.Cli.Tests;

/// <summary>
/// The live <c>top</c> in a 60-column terminal, used as with <c>py-spy top</c>: a key sorts by a
/// column, keys never show up on the screen, long names are shortened rather than wrapped, and
/// q quits with exit code 0, leaving the terminal as it was.
/// </summary>
[Collection(PackedAppCollection.Name)]
public sealed class TopInTerminalTests(PackedApp app)
{
    private const int Width = 60;

    // A table row: the four numbers, then a function name that ends the line. A row that wrapped
    // would leave a line without the numbers (or a name cut off into the next line).
    private static readonly Regex Row = new(@"^ +(\d+\.\d\d)% +(\d+\.\d\d)% +\S+ +\S+   \S+$");

    private readonly Cli _cli = new(app);

    [Fact]
    public void Keys_sort_q_quits_and_a_narrow_terminal_shortens_names()
    {
        using var running = _cli.StartApp("serve");
        // After the tool: its exit code and whether the terminal echoes and reads lines again.
        string command = $"env HYBRIDPROF_AGENT_DIR='{_cli.AgentDirectory}' dotnet '{Cli.CliPath}' top -p {running.Pid} -n 8 --interval 0.5; " +
            "echo \"top exited with $?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon; sleep 600";
        using var pane = TmuxPane.Start(command, app.Root, Width, 30);

        Assert.True(pane.WaitFor(s => Rows(s).Count > 0, TimeSpan.FromSeconds(60)), Show(pane.Screen()));
        Assert.Contains("Sorted by %Own", pane.Screen());
        // The header, too long for 60 columns, is split after the process rather than wrapped mid-phrase.
        Assert.Contains($"Process {running.Pid}, cpu mode at 100 Hz", pane.Screen());
        Assert.Contains("Keys: 1 %Own  2 %Total  3 OwnTime  4 TotalTime  q quit", pane.Screen());

        // Keys that mean nothing first: they must not be echoed either.
        pane.Type("@", "~", "^", "2");
        Assert.True(pane.WaitFor(s => s.Contains("Sorted by %Total") && Rows(s).Count > 1, TimeSpan.FromSeconds(30)), Show(pane.Screen()));
        var screen = pane.Screen();
        var totals = Rows(screen).Select(r => double.Parse(r.Groups[2].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(totals.SequenceEqual(totals.OrderByDescending(t => t)), "not sorted by %Total:\n" + Show(screen));
        Assert.DoesNotContain(screen, l => l.IndexOfAny(['@', '~', '^']) >= 0);

        // Every line of the table is a whole row, and the app's names did not fit 60 columns whole.
        var table = TableLines(screen);
        Assert.All(table, line => Assert.Matches(Row, line));
        Assert.Contains(table, line => line.Contains('…'));
        Assert.Contains(table, line => line.EndsWith("Heavy", StringComparison.Ordinal));

        pane.Type("q");
        Assert.True(pane.WaitFor(s => s.Contains("icanon"), TimeSpan.FromSeconds(30)), Show(pane.Screen()));
        screen = pane.Screen();
        Assert.Contains("top exited with 0", screen);
        Assert.Contains("echo", screen);
        Assert.DoesNotContain("-echo", screen);
        Assert.DoesNotContain("-icanon", screen);
        Assert.False(running.Process.HasExited);
    }

    private static List<Match> Rows(IReadOnlyList<string> screen) =>
        TableLines(screen).Select(l => Row.Match(l)).Where(m => m.Success).ToList();

    // The lines between the column headings' rule and the keys line, blank ones left out.
    private static List<string> TableLines(IReadOnlyList<string> screen)
    {
        int rule = screen.ToList().FindIndex(l => l.TrimStart().StartsWith('─'));
        int keys = screen.ToList().FindIndex(l => l.StartsWith("Keys:", StringComparison.Ordinal));
        if (rule < 0 || keys < rule)
            return [];
        return screen.Skip(rule + 1).Take(keys - rule - 1).Where(l => l.Length > 0).ToList();
    }

    private static string Show(IReadOnlyList<string> screen) => string.Join('\n', screen);
}
