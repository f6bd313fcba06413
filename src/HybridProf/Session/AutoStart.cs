using System;
using System.Diagnostics;
using System.Threading;
using HybridProf.Agent;
using HybridProf.Configuration;
using HybridProf.Markers;

namespace HybridProf.Session;

/// <summary>
/// The whole-process session the <c>HYBRIDPROF_*</c> variables ask for. It starts when the
/// first instrumented assembly registers its method table and writes its file once: at
/// normal exit, after <c>HYBRIDPROF_DURATION</c>, on SIGINT/SIGTERM, on
/// <c>Environment.Exit</c> and on an unhandled exception.
/// </summary>
internal static class AutoStart
{
    private static int s_configured;
    private static int s_flushed;
    private static ProfilerSession? s_session;
    private static Timer? s_durationTimer;
    private static readonly object s_exitHooks = new();

    /// <summary>Reads the environment once per process; later calls do nothing.</summary>
    public static void EnsureConfigured()
    {
        if (Interlocked.Exchange(ref s_configured, 1) != 0)
            return;
        ControlAgent.StartIfEnabled(() => s_session);
        try
        {
            var options = EnvironmentSettings.Read(Environment.GetEnvironmentVariable, Diagnostics.Warn, CurrentProcessId());
            if (options is null)
                return;
            s_session = Profiler.Start(options);
            HookExit();
            if (options.Duration is { } duration)
                s_durationTimer = new Timer(_ => Flush("duration elapsed"), null, duration, Timeout.InfiniteTimeSpan);
        }
        catch (Exception e)
        {
            Diagnostics.Warn($"profiling could not start: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Stops the session and writes its file; only the first call does anything.</summary>
    public static void Flush(string reason)
    {
        var session = s_session;
        if (session is null || Interlocked.Exchange(ref s_flushed, 1) != 0)
            return;
        try
        {
            s_durationTimer?.Dispose();
            var profile = session.Stop();
            foreach (string name in MethodRegistry.UnwovenAssemblies)
                Diagnostics.Warn($"HPROF101: the assembly containing {name} declares [Profile] but was not woven, so it has no markers: is Fody running (HybridProfEnabled not false)?");
            ProfileOutput.Write(profile, session.Options.OutputPath!, EnvironmentSettings.Output, reason);
        }
        catch (Exception e)
        {
            Diagnostics.Warn($"the profile could not be written: {e.GetType().Name}: {e.Message}");
        }
    }

    private static void HookExit()
    {
        lock (s_exitHooks)
        {
            // ProcessExit covers a normal return from Main, Environment.Exit and SIGTERM.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Flush("process exit");
            AppDomain.CurrentDomain.UnhandledException += (_, _) => Flush("unhandled exception");
            ExitSignals.Register(() => Flush("signal"));
        }
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
