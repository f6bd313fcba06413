#if NET8_0_OR_GREATER
using System;
using System.Globalization;
using System.IO;
using System.Runtime.Versioning;

namespace HybridProf.Agent;

/// <summary>
/// Where control sockets live: one per process, named after its pid, in a directory that only
/// its user can enter. <c>$XDG_RUNTIME_DIR/hybridprof</c> when the session has one (it is
/// per-user and 0700 already), otherwise <c>$TMPDIR/hybridprof-$UID</c>;
/// <c>HYBRIDPROF_AGENT_DIR</c> overrides both (tests use it to keep to themselves).
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class AgentPaths
{
    public const string DirectoryVariable = "HYBRIDPROF_AGENT_DIR";
    public const string Prefix = "hybridprof-";
    public const string Suffix = ".sock";

    /// <summary>Owner read, write and search: nobody else may list or connect.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Owner read and write: connecting to a Unix socket needs write permission on it.</summary>
    public const UnixFileMode SocketMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string Directory(Func<string, string?> getVariable)
    {
        string? explicitDir = getVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(explicitDir))
            return explicitDir!;
        string? runtime = getVariable("XDG_RUNTIME_DIR");
        if (!string.IsNullOrWhiteSpace(runtime) && System.IO.Directory.Exists(runtime))
            return Path.Combine(runtime!, "hybridprof");
        return Path.Combine(Path.GetTempPath(), "hybridprof-" + NativeMethods.geteuid().ToString(CultureInfo.InvariantCulture));
    }

    public static string Directory() => Directory(Environment.GetEnvironmentVariable);

    public static string SocketPath(string directory, int pid) =>
        Path.Combine(directory, Prefix + pid.ToString(CultureInfo.InvariantCulture) + Suffix);

    /// <summary>The pid in a socket file name, or null when the name is not one of ours.</summary>
    public static int? PidOf(string path)
    {
        string name = Path.GetFileName(path);
        if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(Suffix, StringComparison.Ordinal))
            return null;
        string digits = name.Substring(Prefix.Length, name.Length - Prefix.Length - Suffix.Length);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && pid > 0 ? pid : null;
    }

    /// <summary>
    /// Creates the directory owner-only, or tightens one that exists. Returns false (and says
    /// why) when it cannot be made private, e.g. another user owns it: then no socket is made.
    /// </summary>
    public static bool EnsurePrivateDirectory(string directory, out string problem)
    {
        problem = "";
        var info = System.IO.Directory.CreateDirectory(directory, DirectoryMode);
        if (info.LinkTarget is not null)
        {
            problem = $"{directory} is a symbolic link";
            return false;
        }
        if ((info.UnixFileMode & ~DirectoryMode) != 0)
        {
            // Only the owner may chmod: this throws on a directory another user planted,
            // and a directory another user keeps at 0700 refuses our bind, so both end here.
            try
            {
                File.SetUnixFileMode(directory, DirectoryMode);
            }
            catch (UnauthorizedAccessException)
            {
                problem = $"{directory} belongs to another user and is not private";
                return false;
            }
        }
        return true;
    }
}
#endif
