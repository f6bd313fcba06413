using System.Diagnostics;

namespace HybridProf.Cli.Tests;

/// <summary>
/// A command in a tmux pane of a fixed size, on a tmux server of its own: keys are typed with
/// send-keys and the screen is read with capture-pane, so a test sees what a person would, in
/// a terminal exactly as narrow as it asks for.
/// </summary>
public sealed class TmuxPane : IDisposable
{
    private readonly string _server = "hybridprof-test-" + Guid.NewGuid().ToString("N")[..8];

    private TmuxPane()
    {
    }

    /// <summary>Runs <paramref name="command"/> (a shell command line) in a new <paramref name="width"/>×<paramref name="height"/> pane.</summary>
    public static TmuxPane Start(string command, string workingDirectory, int width, int height)
    {
        var pane = new TmuxPane();
        pane.Tmux("new-session", "-d", "-s", "test", "-x", width.ToString(), "-y", height.ToString(), "-c", workingDirectory, command);
        return pane;
    }

    /// <summary>The screen as it is now, one string per row, without trailing spaces.</summary>
    public IReadOnlyList<string> Screen() =>
        Tmux("capture-pane", "-p", "-t", "test").Split('\n').Select(l => l.TrimEnd()).ToList();

    /// <summary>Types keys, each as tmux names them (a single character is that character).</summary>
    public void Type(params string[] keys) => Tmux(["send-keys", "-t", "test", .. keys]);

    /// <summary>Waits until the screen satisfies <paramref name="seen"/>; false when it did not in time.</summary>
    public bool WaitFor(Func<IReadOnlyList<string>, bool> seen, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!seen(Screen()))
        {
            if (clock.Elapsed > timeout)
                return false;
            Thread.Sleep(100);
        }
        return true;
    }

    private string Tmux(params string[] arguments)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { "-L", _server }.Concat(arguments))
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"tmux {string.Join(' ', arguments)}: exit code {process.ExitCode}: {error}");
        return output;
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
            // The server is gone already.
        }
    }
}
