using System;
using System.Runtime.CompilerServices;
using System.Threading;
using HybridProf.Platform;

namespace HybridProf.Sampling;

/// <summary>
/// What one sampler remembers of a thread from one tick to the next: its last CPU clock
/// reading, when it was taken (timestamp, tick number, GC pause total), what it concluded, and
/// the cpu-mode samples earned but not yet taken. Several sessions may sample at once (the
/// automatic one and one attached by the <c>hybridprof</c> command): each has its own history
/// of each thread, in a slot of the thread's entry (<see cref="SampledThread.History"/>), so
/// one session's readings never cut short another's. Written by its sampler's thread only.
/// </summary>
internal sealed class ThreadHistory
{
    /// <summary>Slots per thread: samplers that keep a history at once; a sampler beyond them reads every thread as if for the first time.</summary>
    public const int Slots = 4;

    private static int s_slotsInUse;

    public long Owner;
    public long LastCpuNanoseconds = -1;
    public long LastReadTimestamp;
    public long LastReadTick = -1;
    public TimeSpan LastReadPause;
    public bool WasRunnable = true;
    public double CpuCredit;

    /// <summary>Forgets everything: the history of a thread <paramref name="owner"/> has not read yet.</summary>
    [MethodImpl(CompiledOnce.Optimized)]
    public ThreadHistory Reset(long owner)
    {
        Owner = owner;
        LastCpuNanoseconds = -1;
        LastReadTimestamp = 0;
        LastReadTick = -1;
        LastReadPause = TimeSpan.Zero;
        WasRunnable = true;
        CpuCredit = 0;
        return this;
    }

    /// <summary>A free slot for a starting sampler, or −1 when every slot is taken.</summary>
    public static int AcquireSlot()
    {
        while (true)
        {
            int used = Volatile.Read(ref s_slotsInUse);
            int slot = 0;
            while (slot < Slots && (used & (1 << slot)) != 0)
                slot++;
            if (slot == Slots)
                return -1;
            if (Interlocked.CompareExchange(ref s_slotsInUse, used | (1 << slot), used) == used)
                return slot;
        }
    }

    /// <summary>Gives back a slot from <see cref="AcquireSlot"/> (−1 is ignored).</summary>
    public static void ReleaseSlot(int slot)
    {
        if (slot < 0)
            return;
        int used;
        do
            used = Volatile.Read(ref s_slotsInUse);
        while (Interlocked.CompareExchange(ref s_slotsInUse, used & ~(1 << slot), used) != used);
    }
}
