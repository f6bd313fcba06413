using HybridProf.EndToEnd.Tests;

namespace HybridProf.Cli.Tests;

/// <summary>
/// <c>hybridprof record -- app</c> in a terminal while the app prints: the tool's live status
/// stays on the last row, the app's lines scroll above it and never share a row with it, and
/// the terminal is whole again when the tool exits.
/// </summary>
[Collection(PackedAppCollection.Name)]
public sealed class LaunchStatusLineTests(PackedApp app)
{
    private const int Height = 12;
    private readonly Cli _cli = new(app);

    [Fact]
    public void The_status_line_keeps_the_last_row_and_the_apps_lines_scroll_above_it()
    {
        string output = app.OutputPath("chatty.collapsed");
        string command = $"env HYBRIDPROF_AGENT_DIR='{_cli.AgentDirectory}' dotnet '{Cli.CliPath}' record -o '{output}' -- dotnet '{app.AppPath}' chatty 8; " +
            "echo \"record exited with $?\"; sleep 600";
        using var pane = TmuxPane.Start(command, app.Root, 80, Height);

        // While it records: the status on the last row, the app's lines above, never on one row together.
        Assert.True(pane.WaitFor(s => Rows(s)[^1].StartsWith("hybridprof: recording", StringComparison.Ordinal) && s.Any(l => l.StartsWith("app line ", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(90)), Show(pane.Screen()));
        for (int look = 0; look < 10; look++)
        {
            var screen = Rows(pane.Screen());
            Assert.DoesNotContain(screen, l => l.Contains("app line") && l.Contains("hybridprof:"));
            Assert.All(screen.Take(Height - 1), l => Assert.DoesNotContain("hybridprof: recording", l));
            Thread.Sleep(200);
        }

        Assert.True(pane.WaitFor(s => s.Any(l => l.StartsWith("record exited with", StringComparison.Ordinal)), TimeSpan.FromSeconds(90)), Show(pane.Screen()));
        var after = pane.Screen();
        Assert.Contains("record exited with 0", after);
        Assert.DoesNotContain(after, l => l.Contains("hybridprof: recording"));
        Assert.Contains(after, l => l.StartsWith("hybridprof: wrote ", StringComparison.Ordinal));
        Assert.True(File.Exists(output), Show(after));
        // The app's last lines are there, in order, each on a row of its own.
        var appLines = after.Where(l => l.StartsWith("app line ", StringComparison.Ordinal)).Select(l => int.Parse(l["app line ".Length..])).ToList();
        Assert.NotEmpty(appLines);
        Assert.Equal(appLines.OrderBy(n => n), appLines);
    }

    // capture-pane ends with a newline: the screen is its first Height rows.
    private static List<string> Rows(IReadOnlyList<string> screen) => screen.Take(Height).ToList();

    private static string Show(IReadOnlyList<string> screen) => "screen:\n" + string.Join('\n', screen);
}
