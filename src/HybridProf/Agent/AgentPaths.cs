#if NET8_0_OR_GREATER
using System;
using System.IO;

namespace HybridProf.Agent;

// The agent's half of the socket paths: making the directory private and the socket
// owner-only. Where the socket is, which a client must agree on, is in eng/shared/Agent/AgentPaths.cs.
internal static partial class AgentPaths
{
    /// <summary>Owner read, write and search: nobody else may list or connect.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Owner read and write: connecting to a Unix socket needs write permission on it.</summary>
    public const UnixFileMode SocketMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

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
