#if NET8_0_OR_GREATER
using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace HybridProf.Agent;

/// <summary>
/// Where control sockets live (docs/agent-protocol.md): one per process, named after its pid, in
/// a directory that only its user can enter. <c>$XDG_RUNTIME_DIR/hybridprof</c> when the session
/// has one (it is per-user and 0700 already), otherwise <c>$TMPDIR/hybridprof-$UID</c>;
/// <c>HYBRIDPROF_AGENT_DIR</c> overrides both (tests use it to keep to themselves).
/// Compiled into the agent and into every client, so both find the same socket.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static partial class AgentPaths
{
    public const string DirectoryVariable = "HYBRIDPROF_AGENT_DIR";
    public const string Prefix = "hybridprof-";
    public const string Suffix = ".sock";

    public static string Directory(Func<string, string?> getVariable)
    {
        string? explicitDir = getVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(explicitDir))
            return explicitDir!;
        string? runtime = getVariable("XDG_RUNTIME_DIR");
        if (!string.IsNullOrWhiteSpace(runtime) && System.IO.Directory.Exists(runtime))
            return Path.Combine(runtime!, "hybridprof");
        return Path.Combine(Path.GetTempPath(), "hybridprof-" + geteuid().ToString(CultureInfo.InvariantCulture));
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

    // The effective uid names the fallback directory: .NET has no API for it. A blittable
    // signature, so NativeAOT needs no marshalling stub.
    [DllImport("libc")]
    private static extern uint geteuid();
}
#endif
