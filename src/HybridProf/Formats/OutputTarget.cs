using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace HybridProf.Formats;

/// <summary>
/// Where a profile file really goes. Symbolic links are followed, as a shell's <c>&gt;</c> follows
/// them, so a link to a shared folder keeps pointing at a fresh profile. A target that is not a
/// regular file (<c>/dev/stdout</c>, a pipe, a device) is written in place: renaming a finished
/// file over it would replace the device, not write to it.
/// </summary>
internal static unsafe class OutputTarget
{
    /// <summary>The final target of <paramref name="fullPath"/> when it is a symbolic link (which may not exist yet), else the path itself.</summary>
    public static string Resolve(string fullPath)
    {
#if NET6_0_OR_GREATER
        try
        {
            return File.ResolveLinkTarget(fullPath, returnFinalTarget: true)?.FullName ?? fullPath;
        }
        catch (IOException)
        {
            // A link loop or an unreadable link: writing the path itself will say what is wrong.
            return fullPath;
        }
#else
        return fullPath;
#endif
    }

    /// <summary>True when <paramref name="path"/> exists and is neither a regular file nor a folder.</summary>
    public static bool IsSpecialFile(string path)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            return path.StartsWith("/dev/", StringComparison.Ordinal);
        try
        {
            return StatxType(path) is int type && type != RegularFile && type != Directory;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without statx (older musl): devices live in /dev.
            return path.StartsWith("/dev/", StringComparison.Ordinal);
        }
    }

    private const int FileTypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;

    // statx's buffer has the same layout on every architecture (unlike stat's): stx_mode is the
    // 16-bit field at offset 28. Null when the path does not exist (or cannot be examined).
    private static int? StatxType(string path)
    {
        const int AtFdCwd = -100, StatxTypeMask = 0x1, ModeOffset = 28;
        byte[] name = Encoding.UTF8.GetBytes(path + "\0");
        byte* buffer = stackalloc byte[256];
        fixed (byte* p = name)
        {
            if (statx(AtFdCwd, p, 0, StatxTypeMask, buffer) != 0)
                return null;
        }
        return *(ushort*)(buffer + ModeOffset) & FileTypeMask;
    }

    [DllImport("libc")]
    private static extern int statx(int dirfd, byte* path, int flags, uint mask, byte* buffer);
}
