namespace HybridProf.Sampling;

/// <summary>
/// What one tick learned about a thread: whether it is running or ready to run, and, when the
/// sampler also read it at the previous tick, the CPU time, wall time and GC pause time since.
/// </summary>
internal readonly struct ThreadReading
{
    public ThreadReading(bool runnable) => Runnable = runnable;

    public ThreadReading(bool runnable, long cpuNanoseconds, double wallNanoseconds, double pauseNanoseconds)
    {
        Runnable = runnable;
        HasCpuTime = true;
        CpuNanoseconds = cpuNanoseconds;
        WallNanoseconds = wallNanoseconds;
        PauseNanoseconds = pauseNanoseconds;
    }

    public bool Runnable { get; }

    /// <summary>False for a thread read for the first time since it entered instrumented code, or with no CPU clock.</summary>
    public bool HasCpuTime { get; }

    public long CpuNanoseconds { get; }

    public double WallNanoseconds { get; }

    public double PauseNanoseconds { get; }
}
