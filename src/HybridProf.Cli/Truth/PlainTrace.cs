namespace HybridProf.Cli.Truth;

/// <summary>
/// An independent sampler's stacks of the plain build, as read from its file: root first, in the
/// runtime's frame names, each with the thread it was sampled on and what that thread was doing.
/// </summary>
/// <param name="Stacks">Distinct (thread, stack, state) triples with their weights.</param>
/// <param name="Unit">What a weight measures: <c>ms</c> (sampled thread time) or <c>samples</c>.</param>
/// <param name="ReadingWeight">
/// The weight of one reading of a thread's stack (the sampler's interval in <c>ms</c>, 1 for
/// <c>samples</c>): weights divided by it count readings, which the confidence intervals count.
/// </param>
/// <param name="Source">Who wrote the file, for the report's header.</param>
internal sealed record PlainTrace(IReadOnlyList<TraceStack> Stacks, string Unit, double ReadingWeight, string Source)
{
    /// <summary>TraceEvent's leaf for a thread sampled running managed code.</summary>
    public const string CpuTime = "CPU_TIME";

    /// <summary>
    /// TraceEvent's states: the pseudo-frames it puts on top of a thread-time sample, and
    /// HybridProf's own for a waiting thread. Only <see cref="CpuTime"/> (and no state) is running code.
    /// </summary>
    public static readonly IReadOnlySet<string> States = new HashSet<string>(StringComparer.Ordinal)
    {
        CpuTime, "UNMANAGED_CODE_TIME", "BLOCKED_TIME", "AWAIT_TIME", "UNKNOWN_ASYNC", "[blocked]", "[await]", "[GC]",
    };

    /// <summary>Whether a stack in this state is a thread running code (counted as own time).</summary>
    public static bool IsRunning(string? state) => state is null or CpuTime;
}

/// <summary>One stack of a <see cref="PlainTrace"/>.</summary>
/// <param name="Thread">The thread's name as the file gives it (<c>Thread (4242)</c>).</param>
/// <param name="Frames">Frame names, root first, without the state.</param>
/// <param name="State">The pseudo-frame on top (<c>CPU_TIME</c>, <c>UNMANAGED_CODE_TIME</c>, …), or null.</param>
/// <param name="Weight">Time or samples, in the trace's unit.</param>
internal sealed record TraceStack(string Thread, IReadOnlyList<string> Frames, string? State, double Weight);
