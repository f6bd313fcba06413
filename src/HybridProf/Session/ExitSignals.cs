using System;
#if NET6_0_OR_GREATER
using System.Runtime.InteropServices;
#endif

namespace HybridProf.Session;

/// <summary>
/// Runs an action when the process is asked to stop by Ctrl+C (SIGINT) or SIGTERM, and
/// then lets the default handling go on: the profiler never changes how the app exits.
/// </summary>
internal static class ExitSignals
{
#if NET6_0_OR_GREATER
    // Kept alive for the life of the process: a collected registration unregisters itself.
    private static PosixSignalRegistration? s_interrupt;
    private static PosixSignalRegistration? s_terminate;

    public static void Register(Action onSignal)
    {
        try
        {
            s_interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => onSignal());
            s_terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => onSignal());
        }
        catch (PlatformNotSupportedException)
        {
            Console.CancelKeyPress += (_, _) => onSignal();
        }
    }
#else
    public static void Register(Action onSignal) => Console.CancelKeyPress += (_, _) => onSignal();
#endif
}
