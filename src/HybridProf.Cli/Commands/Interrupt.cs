using System.Runtime.InteropServices;

namespace HybridProf.Cli.Commands;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM while recording: the tool does not die, it sets
/// <see cref="Requested"/> and the recorder stops and still writes the profile.
/// </summary>
internal sealed class Interrupt : IDisposable
{
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private readonly ManualResetEventSlim _signal = new();
    private int _count;

    public Interrupt()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public bool Requested => _signal.IsSet;

    /// <summary>How many signals arrived (a second Ctrl+C means "really stop").</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Set on the first signal; wait on it instead of sleeping.</summary>
    public WaitHandle Handle => _signal.WaitHandle;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        Interlocked.Increment(ref _count);
        _signal.Set();
    }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _signal.Dispose();
    }

    /// <summary>Sends SIGINT to one process (the launched child), as Ctrl+C in its terminal would.</summary>
    public static void SendInterrupt(int pid) => _ = kill(pid, 2);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
