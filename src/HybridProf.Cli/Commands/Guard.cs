using HybridProf.Cli.Agent;
using HybridProf.Formats;
using HybridProf.Model;

namespace HybridProf.Cli.Commands;

/// <summary>Runs a command body and turns the failures a user can cause into one stderr line and exit code 1.</summary>
internal static class Guard
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is UsageException or AgentException or FormatException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return Terminal.Fail(e.Message);
        }
    }

    /// <summary>Reads a profile file, naming it when it is missing.</summary>
    public static Profile ReadProfile(string path)
    {
        if (!File.Exists(path))
            throw new UsageException($"{path}: no such file");
        return ProfileFormats.Read(path);
    }
}
