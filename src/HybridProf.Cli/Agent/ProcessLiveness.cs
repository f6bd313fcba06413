namespace HybridProf.Cli.Agent;

/// <summary>Whether a process id names a live process: the one answer the agent commands and ps share.</summary>
internal static class ProcessLiveness
{
    public static bool IsAlive(int pid)
    {
        // /proc is the cheap answer on Linux. An exited process its parent has not reaped yet is
        // still listed there, as a zombie (Z) or dead (X): gone as far as a recording goes.
        if (Directory.Exists("/proc/self"))
            return StateOf(pid) is { } state && state != 'Z' && state != 'X';
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    // "pid (comm) S ...": comm may hold spaces and parentheses, so look after the last ')'.
    private static char? StateOf(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            int close = stat.LastIndexOf(')');
            return close >= 0 && close + 2 < stat.Length ? stat[close + 2] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
