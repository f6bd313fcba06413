using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace HybridProf.Platform;

/// <summary>
/// A file that has no name until it is complete (Linux <c>open(dir, O_TMPFILE)</c>): if the
/// process is killed while writing it, the kernel frees it and nothing is left in the folder.
/// It is named by <c>linkat</c> through <c>/proc/self/fd</c> (which needs no privilege, unlike
/// <c>AT_EMPTY_PATH</c>) and moved over the target by <c>rename</c>, which replaces the old
/// file in one step.
/// </summary>
internal static unsafe class UnnamedFile
{
    private const int OWriteOnly = 0x1;
    private const int OCloseOnExec = 0x80000; // 02000000, the same on every Linux architecture
    private const int OTmpFileBit = 0x400000; // __O_TMPFILE, 020000000, likewise
    private const int AtFdCwd = -100;
    private const int AtSymlinkFollow = 0x400;

    /// <summary>
    /// An unnamed file for writing in <paramref name="directory"/>, or null where this cannot be
    /// had (not Linux, an architecture whose flags are not known here, a file system or kernel
    /// without O_TMPFILE): the caller then writes a named temporary file instead.
    /// </summary>
    /// <exception cref="IOException">The folder cannot be written (denied, full, missing).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public static SafeFileHandle? TryCreate(string directory)
    {
        if (!IsLinuxWithProc || TmpFileFlag() is not { } tmpFile)
            return null;
        int fd;
        try
        {
            fixed (byte* path = Utf8(directory))
                fd = open(path, tmpFile | OWriteOnly | OCloseOnExec, 0x1B6 /* 0666, less the umask, as File.Create */);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        if (fd >= 0)
            return new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        int errno = Marshal.GetLastWin32Error();
        // Not supported by this file system or kernel (EOPNOTSUPP, EISDIR on kernels before 3.11, EINVAL).
        if (errno is 95 or 21 or 22)
            return null;
        throw Failure(errno, directory);
    }

    /// <summary>
    /// Gives the written file <paramref name="target"/>'s name, replacing any file there:
    /// linked under <paramref name="staging"/> (a name of its own beside the target), then
    /// renamed over the target. A kill between those two calls (no managed code runs between
    /// them) is the one moment that can leave <paramref name="staging"/> behind.
    /// </summary>
    public static void Publish(SafeFileHandle file, string staging, string target)
    {
        int fd = (int)file.DangerousGetHandle();
        fixed (byte* source = Utf8("/proc/self/fd/" + fd))
        fixed (byte* stagingPath = Utf8(staging))
        fixed (byte* targetPath = Utf8(target))
        {
            if (linkat(AtFdCwd, source, AtFdCwd, stagingPath, AtSymlinkFollow) != 0)
                throw Failure(Marshal.GetLastWin32Error(), staging);
            if (rename(stagingPath, targetPath) != 0)
            {
                int errno = Marshal.GetLastWin32Error();
                unlink(stagingPath);
                throw Failure(errno, target);
            }
        }
    }

    // Naming the file goes through /proc/self/fd, which a container or chroot may not mount.
    private static readonly bool IsLinuxWithProc = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && Directory.Exists("/proc/self/fd");

    // O_TMPFILE is __O_TMPFILE | O_DIRECTORY, and O_DIRECTORY differs between architectures.
    private static int? TmpFileFlag() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => OTmpFileBit | 0x10000, // O_DIRECTORY 0200000
        Architecture.Arm64 or Architecture.Arm => OTmpFileBit | 0x4000, // O_DIRECTORY 040000
        _ => null,
    };

    private static byte[] Utf8(string path) => Encoding.UTF8.GetBytes(path + "\0");

    private static Exception Failure(int errno, string path)
    {
        string message = $"{path}: {Marshal.PtrToStringAnsi(strerror(errno))}";
        // EACCES, EPERM, EROFS: the same exception File.Create gives, so callers handle both alike.
        return errno is 13 or 1 or 30 ? new UnauthorizedAccessException(message) : new IOException(message, errno);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int open(byte* path, int flags, int mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int linkat(int oldDirectory, byte* oldPath, int newDirectory, byte* newPath, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int rename(byte* oldPath, byte* newPath);

    [DllImport("libc", SetLastError = true)]
    private static extern int unlink(byte* path);

    [DllImport("libc")]
    private static extern IntPtr strerror(int errno);
}
