using System;
using System.Diagnostics;
using System.Threading;
using HybridProf.Configuration;
using HybridProf.Markers;

namespace HybridProf.Session;

/// <summary>
/// The whole-process session the <c>HYBRIDPROF_*</c> variables ask for. It starts when the
/// first instrumented assembly registers its method table and writes its file once: at
/// normal exit, after <c>HYBRIDPROF_DURATION</c>, on SIGINT/SIGTERM, on
/// <c>Environment.Exit</c> and on an unhandled exception, whichever comes first; the exit
/// paths that come later wait for that write. Until then the file holds a recent checkpoint
/// (<see cref="ProfileCheckpoint"/>), so a process killed with no time to write at exit (a
/// test host a test runner kills) still leaves its profile.
/// </summary>
internal static class AutoStart
{
    private static int s_configured;
    private static int s_flushStarted;
    private static int s_flushTimeoutReported;
    private static readonly ManualResetEventSlim s_flushed = new();
    private static ProfilerSession? s_session;
    private static Timer? s_durationTimer;
    private static ProfileCheckpoint? s_checkpoint;
    private static readonly object s_exitHooks = new();

    /// <summary>The session the variables started, or null (none asked for, or not started yet).</summary>
    public static ProfilerSession? Session => Volatile.Read(ref s_session);

    /// <summary>Reads the environment once per process; later calls do nothing.</summary>
    public static void EnsureConfigured()
    {
        if (Interlocked.Exchange(ref s_configured, 1) != 0)
            return;
        try
        {
            var options = EnvironmentSettings.Read(Environment.GetEnvironmentVariable, Diagnostics.Warn, CurrentProcessId());
            if (options is null)
                return;
            s_session = Profiler.Start(options);
            // Before the exit hooks: a final write always finds the checkpoint to end.
            s_checkpoint = ProfileCheckpoint.Start(s_session, options.OutputPath!, EnvironmentSettings.Output);
            HookExit();
            if (options.Duration is { } duration)
                s_durationTimer = new Timer(_ => BeginFlush("duration elapsed"), null, duration, Timeout.InfiniteTimeSpan);
        }
        catch (Exception e)
        {
            Diagnostics.Warn($"profiling could not start: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// Stops the session and writes its file, once: the first call starts the write and every
    /// call, the first included, waits for it to end (at most <see cref="FlushWait"/>).
    /// </summary>
    /// <remarks>
    /// Several exit paths fire for one exit: Ctrl+C on a generic host runs the signal handler
    /// and then, once the host has stopped, Main returns and ProcessExit runs. A second caller
    /// that returned at once let ProcessExit end the process while the first was still writing,
    /// and the file was lost; so the second one waits.
    /// </remarks>
    public static void Flush(string reason)
    {
        BeginFlush(reason);
        WaitForFlush();
    }

    /// <summary>
    /// How long a caller waits for the write: generous for any real profile, and bounded, so a
    /// write that hangs (a dead network share) never keeps the app from exiting.
    /// </summary>
    internal static readonly TimeSpan FlushWait = TimeSpan.FromSeconds(10);

    /// <summary>Starts the write on a thread of its own (the first call only) and returns.</summary>
    private static void BeginFlush(string reason)
    {
        if (s_session is not { } session || Interlocked.Exchange(ref s_flushStarted, 1) != 0)
            return;
        try
        {
            // A thread of its own, so that a caller can stop waiting for a write that hangs.
            new Thread(() => Write(session, reason)) { IsBackground = true, Name = "HybridProf flush" }.Start();
        }
        catch (OutOfMemoryException)
        {
            Write(session, reason); // No thread to be had: write here rather than not at all.
        }
    }

    private static void WaitForFlush()
    {
        if (Volatile.Read(ref s_flushStarted) == 0 || s_flushed.Wait(FlushWait))
            return;
        if (Interlocked.Exchange(ref s_flushTimeoutReported, 1) == 0)
            Diagnostics.Warn($"the profile was still being written after {FlushWait.TotalSeconds:0} s; not waiting for it any longer.");
    }

    private static void Write(ProfilerSession session, string reason)
    {
        try
        {
            s_durationTimer?.Dispose();
            Volatile.Read(ref s_checkpoint)?.Finish();
            var profile = session.Stop();
            foreach (string name in MethodRegistry.UnwovenAssemblies)
                Diagnostics.Warn($"HPROF101: the assembly containing {name} declares [Profile] but was not woven, so it has no markers: is Fody running (HybridProfEnabled not false)?");
            ProfileOutput.Write(profile, session.Options.OutputPath!, EnvironmentSettings.Output, reason);
        }
        catch (Exception e)
        {
            Diagnostics.Warn($"the profile could not be written: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            s_flushed.Set();
        }
    }

    private static void HookExit()
    {
        lock (s_exitHooks)
        {
            // ProcessExit covers a normal return from Main (a generic host's, after Ctrl+C too),
            // Environment.Exit and a SIGTERM the runtime turns into an orderly exit.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Flush("process exit");
#if NET5_0_OR_GREATER
            // The default context's Unloading is raised at exit just before ProcessExit, and so
            // ahead of the ProcessExit handlers registered before ours (a test host's own): the
            // write starts sooner where a test runner gives the host ~100 ms to exit.
            System.Runtime.Loader.AssemblyLoadContext.Default.Unloading += _ => Flush("process exit");
#endif
            AppDomain.CurrentDomain.UnhandledException += (_, _) => Flush("unhandled exception");
            ExitSignals.Register(OnExitSignal);
        }
    }

    private static void OnExitSignal(bool cancelledByApp)
    {
        BeginFlush("signal");
        // Cancelled: the app shuts down on its own and its ProcessExit waits for the write, so
        // the signal thread goes straight on to the app's own handlers (the host's shutdown).
        // Not yet: the runtime may end the process by the signal right after the handlers, so
        // the write must be done before this returns.
        if (!cancelledByApp)
            WaitForFlush();
    }

    private static int CurrentProcessId()
    {
#if NET5_0_OR_GREATER
        return Environment.ProcessId;
#else
        using var process = Process.GetCurrentProcess();
        return process.Id;
#endif
    }
}
