using System;
#if NET6_0_OR_GREATER
using System.Collections.Generic;
using System.Runtime.InteropServices;
#endif

namespace HybridProf.Session;

/// <summary>
/// Runs an action when the process is asked to stop by Ctrl+C (SIGINT) or SIGTERM, and
/// then lets the default handling go on: the profiler never changes how the app exits.
/// </summary>
/// <remarks>
/// The action is told whether the exit is already called off: a handler of the app's (the
/// generic host's, say) that ran before it cancelled the signal, so the app shuts down on its
/// own and ProcessExit follows. Otherwise the runtime may end the process by the signal as soon
/// as the handlers return, without raising ProcessExit (an uncancelled SIGINT or SIGTERM is
/// re-raised with its default action). The handlers of one signal run one after another on one
/// thread, in no fixed order, so "not cancelled yet" is all an action can know.
/// </remarks>
internal static class ExitSignals
{
#if NET6_0_OR_GREATER
    // Kept alive for the life of the process: a collected registration unregisters itself.
    private static readonly List<PosixSignalRegistration> s_registrations = new();

    /// <param name="onSignal">Given true when an earlier handler already cancelled the signal.</param>
    public static void Register(Action<bool> onSignal)
    {
        try
        {
            var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => onSignal(context.Cancel));
            var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => onSignal(context.Cancel));
            lock (s_registrations)
                s_registrations.AddRange([interrupt, terminate]);
        }
        catch (PlatformNotSupportedException)
        {
            Console.CancelKeyPress += (_, e) => onSignal(e.Cancel);
        }
    }
#else
    /// <param name="onSignal">Given true when an earlier handler already cancelled the signal.</param>
    public static void Register(Action<bool> onSignal) => Console.CancelKeyPress += (_, e) => onSignal(e.Cancel);
#endif
}
