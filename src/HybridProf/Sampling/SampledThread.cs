using System.Runtime.CompilerServices;
using System.Threading;
using HybridProf.Markers;
using HybridProf.Platform;

namespace HybridProf.Sampling;

/// <summary>
/// The sampler's record of one thread that has run instrumented code: its shadow stack, and
/// what tells running from waiting (its CPU clock, its scheduler state, the last reading). The
/// clock and the kernel id can only be had on the thread itself, so the entry is made there,
/// when the thread attaches its stack.
/// </summary>
internal sealed class SampledThread
{
    private SampledThread(ShadowStack stack, ThreadCpuClock clock, int kernelThreadId)
    {
        Stack = stack;
        Clock = clock;
        Scheduler = new SchedulerState(kernelThreadId);
    }

    public ShadowStack Stack { get; }

    public Thread Owner => Stack.Owner;

    public ThreadCpuClock Clock { get; }

    public SchedulerState Scheduler { get; }

    // One per sampler slot; each written by the sampler holding the slot only.
    private readonly ThreadHistory?[] _histories = new ThreadHistory?[ThreadHistory.Slots];

    /// <summary>What the sampler <paramref name="owner"/>, holding <paramref name="slot"/>, remembers of this thread (a new history if the slot was another sampler's).</summary>
    [MethodImpl(CompiledOnce.Optimized)]
    public ThreadHistory History(int slot, long owner)
    {
        var history = _histories[slot] ??= new ThreadHistory();
        return history.Owner == owner ? history : history.Reset(owner);
    }

    /// <summary>The entry of the calling thread, whose stack is <paramref name="stack"/>.</summary>
    public static SampledThread ForCurrentThread(ShadowStack stack) =>
        new(stack, ThreadCpuClock.ForCurrentThread(), KernelThread.CurrentId());
}
