#if NET8_0_OR_GREATER
using System;
using System.IO;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Threading;
using HybridProf.Session;

namespace HybridProf.Agent;

/// <summary>The process's listening socket, on .NET 8 and newer (Unix domain sockets).</summary>
internal static partial class ControlAgent
{
    private static int s_started;
    private static string? s_socketPath;
    private static AgentListener? s_listener;
    private static int s_closing;

    /// <summary>
    /// The socket is made this long after start-up, not at once: setting it up (loading the
    /// socket assemblies, first calls) costs tens of milliseconds of CPU once, measured on a
    /// GC-heavy 0.7 s run, which a short-lived process should not pay and a starting app should
    /// not compete with. A process that ends sooner never makes a socket at all; for one that
    /// can be attached to, a second is no wait.
    /// </summary>
    internal static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(1);

    /// <summary>Where this process listens, once the agent is up; null before (or when off).</summary>
    internal static string? SocketPath => Volatile.Read(ref s_socketPath);

    static partial void Start(Func<ProfilerSession?> autoSession)
    {
        if (OperatingSystem.IsWindows() || Interlocked.Exchange(ref s_started, 1) != 0)
            return;
        // Pending async operations are tracked from the start, so a dump lists the ones that
        // were already waiting when it was asked for (docs/agent-protocol.md gives the cost).
        Markers.PendingOperations.Acquire();
        var commands = new AgentCommands(autoSession);
        // Windows returned above (named pipes there are future work); the analyzer cannot see into the lambda.
#pragma warning disable CA1416
        var thread = new Thread(() => Listen(commands)) { IsBackground = true, Name = "HybridProf agent" };
#pragma warning restore CA1416
        thread.Start();
    }

    [UnsupportedOSPlatform("windows")]
    private static void Listen(AgentCommands commands)
    {
        try
        {
            Thread.Sleep(StartDelay);
            string directory = AgentPaths.Directory();
            if (!AgentPaths.EnsurePrivateDirectory(directory, out string problem))
            {
                Diagnostics.Warn($"the control agent is off: {problem}.");
                return;
            }
            string path = AgentPaths.SocketPath(directory, Environment.ProcessId);
            var listener = AgentListener.Bind(path, commands, AgentLimits.Default);
            Volatile.Write(ref s_listener, listener);
            Volatile.Write(ref s_socketPath, path);
            // Normal exit and Environment.Exit raise ProcessExit; a crash and a process ended by
            // SIGINT or SIGTERM (nobody cancelled it) do not, so those remove the file themselves.
            // After SIGKILL the file stays: `hybridprof ps` removes sockets of dead pids.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove();
            AppDomain.CurrentDomain.UnhandledException += (_, _) => Remove();
            ExitSignals.Register(cancelledByApp =>
            {
                // Cancelled: the app stops on its own and ProcessExit removes the file, so the
                // agent still answers while it shuts down.
                if (!cancelledByApp)
                    Remove();
            });
            listener.Run();
        }
        catch (Exception) when (Volatile.Read(ref s_closing) != 0)
        {
            // Closed at exit: accept() ends with EINTR or "operation aborted", which is no news.
        }
        catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException)
        {
            Diagnostics.Warn($"the control agent is off: {e.Message}");
        }
        catch (Exception e)
        {
            Diagnostics.Warn($"the control agent stopped: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            Markers.PendingOperations.Release();
        }
    }

    /// <summary>Closes the listener and deletes the socket file; at process exit.</summary>
    [UnsupportedOSPlatform("windows")]
    internal static void Remove()
    {
        try
        {
            Volatile.Write(ref s_closing, 1);
            Interlocked.Exchange(ref s_listener, null)?.Dispose();
            if (Interlocked.Exchange(ref s_socketPath, null) is { } path)
                File.Delete(path);
        }
        catch (Exception)
        {
            // Exit must go on; a left-over file is ignored and cleaned up by `hybridprof ps`.
        }
    }
}
#endif
