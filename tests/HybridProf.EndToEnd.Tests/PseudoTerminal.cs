using System.Diagnostics;
using System.Text;

namespace HybridProf.EndToEnd.Tests;

/// <summary>
/// A command run in a pseudo-terminal, as from a user's shell, through util-linux
/// <c>script</c>: what the test writes is what the user types, so Ctrl+C reaches the command
/// the way it does in a terminal (the terminal signals its whole foreground process group),
/// not as a <c>kill</c> of one process.
/// </summary>
public sealed class PseudoTerminal : IDisposable
{
    private readonly Process _script;
    private readonly StringBuilder _output = new();

    private PseudoTerminal(Process script)
    {
        _script = script;
    }

    /// <summary>Runs <paramref name="command"/> (a shell command line) in a new pseudo-terminal.</summary>
    public static PseudoTerminal Start(string command, string workingDirectory, IDictionary<string, string> environment)
    {
        // -q: no banner; -f: pass output on at once; -e: exit with the command's exit code;
        // /dev/null: no typescript file. The command runs in `$SHELL -c`: exec makes it the
        // shell's own process, so its exit code is not a shell's report of it.
        var info = new ProcessStartInfo("script")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "-qfec", "exec " + command, "/dev/null" })
            info.ArgumentList.Add(arg);
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("HYBRIDPROF_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(key);
        info.Environment["SHELL"] = "/bin/sh";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
            info.Environment[key] = value;

        var process = new Process { StartInfo = info };
        var terminal = new PseudoTerminal(process);
        process.OutputDataReceived += (_, e) => terminal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => terminal.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return terminal;
    }

    /// <summary>Everything the terminal showed so far (the command's stdout and stderr, interleaved).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public int ExitCode => _script.ExitCode;

    /// <summary>Waits until the terminal shows <paramref name="text"/>; false when it did not in time or the command ended.</summary>
    public bool WaitFor(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_script.HasExited || clock.Elapsed > timeout)
                return false;
            Thread.Sleep(50);
        }
        return true;
    }

    /// <summary>Types Ctrl+C: the terminal's interrupt character, which it turns into SIGINT.</summary>
    public void TypeCtrlC()
    {
        _script.StandardInput.Write('\u0003');
        _script.StandardInput.Flush();
    }

    /// <summary>Waits for the command to end; the timeout is only a guard against a hang.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_script.WaitForExit((int)timeout.TotalMilliseconds))
            return false;
        _script.WaitForExit(); // drains the output
        return true;
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    public void Dispose()
    {
        try
        {
            if (!_script.HasExited)
                _script.Kill(entireProcessTree: true);
            _script.WaitForExit();
        }
        catch (InvalidOperationException)
        {
        }
        _script.Dispose();
    }
}
