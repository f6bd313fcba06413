#if NET
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace HybridProf.Markers;

/// <summary>
/// Finds the calling thread's shadow stack from the address of one of its local variables,
/// which is cheaper than the runtime's thread-local read (on Linux a call into the C
/// library's TLS resolver, which also makes the JIT save registers around it). A table keyed
/// by 64 KiB pieces of the address space holds, for each piece, the last thread that pushed
/// from it; the entry is used only when the address lies inside that thread's machine stack
/// and that thread is alive. Anything else takes the thread-local read and refreshes the entry.
/// <para>
/// It stays exact when a thread dies and a new one gets its machine stack (the C library
/// reuses stacks): every thread that registers gets a cell that a thread-exit hook overwrites
/// (a pthread key whose destructor is the C library's <c>pthread_spin_unlock</c>, which
/// stores to the cell it is given). Key destructors run on the exiting thread before its stack
/// can be handed to another, so a new thread never passes the check on a dead one's entry.
/// Where any of this cannot be had (not Linux, NativeAOT, whose own thread-local read is
/// already inline, a C library without these calls) <see cref="Enabled"/> is false and the
/// markers use the thread-local read alone.
/// </para>
/// </summary>
internal static unsafe class StackByAddress
{
    /// <summary>What a live thread's cell holds: a value the exit hook (0 or 1) never writes.</summary>
    internal const int Live = 0x4C495645;

    private const int PieceShift = 16;
    private const int SlotCount = 1 << 14;

    private static uint s_exitKey;

    /// <summary>Whether markers look their stack up by address (read once; the JIT folds it).</summary>
    internal static readonly bool Enabled = RuntimeFeature.IsDynamicCodeCompiled && TryCreateExitKey(out s_exitKey);

    // One slot per 64 KiB piece, 1 GiB of address space before two pieces share a slot (128 KiB
    // of references in every woven process); a shared slot is still exact (the range check
    // fails), only slower for one of the two threads.
    private static readonly ShadowStack?[] s_slots = new ShadowStack?[SlotCount];

    /// <summary>The shadow stack of the thread whose machine stack holds <paramref name="address"/>: the caller's, given the address of its local.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ShadowStack Find(nuint address)
    {
        var stack = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(s_slots), SlotOf(address));
        if (stack is not null && address - stack.MachineStackLow < stack.MachineStackSize && *stack.AliveCell == Live)
            return stack;
        return FindByThreadLocal(address);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ShadowStack FindByThreadLocal(nuint address)
    {
        var stack = ShadowStack.Current;
        if (address - stack.MachineStackLow < stack.MachineStackSize)
            Volatile.Write(ref s_slots[SlotOf(address)], stack);
        return stack;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint SlotOf(nuint address) => (nint)((address >> PieceShift) & (SlotCount - 1));

    /// <summary>
    /// Gives a newly attached thread's stack its machine stack's range and a live cell, on that
    /// thread. Leaves the range empty (the stack is then always found by thread-local read)
    /// when the range or the exit hook cannot be had.
    /// </summary>
    internal static void Describe(ShadowStack stack)
    {
        try
        {
            if (!Enabled || !TryGetMachineStack(out nuint low, out nuint size))
                return;
            // Native memory, not the GC's: the exit hook writes to it after the runtime has let
            // go of the thread's statics, when a garbage collection may already have freed them.
            int* alive = (int*)NativeMemory.Alloc(sizeof(int));
            *alive = Live;
            if (pthread_setspecific(s_exitKey, alive) != 0)
            {
                NativeMemory.Free(alive);
                return;
            }
            stack.SetMachineStack(low, size, alive);
        }
        catch (Exception)
        {
            // This runs inside the app's first marked call on the thread, which must not fail:
            // left without a range, the stack is found by thread-local read, as on other systems.
        }
    }

    private static bool TryGetMachineStack(out nuint low, out nuint size)
    {
        low = size = 0;
        // pthread_attr_t is 56 or 64 bytes on the Linux C libraries; room to spare.
        byte* attr = stackalloc byte[256];
        if (pthread_getattr_np(pthread_self(), attr) != 0)
            return false;
        nuint address, length;
        int failed = pthread_attr_getstack(attr, &address, &length);
        pthread_attr_destroy(attr);
        if (failed != 0 || length == 0)
            return false;
        low = address;
        size = length;
        return true;
    }

    private static bool TryCreateExitKey(out uint key)
    {
        key = 0;
        if (!OperatingSystem.IsLinux())
            return false;
        try
        {
            if (!NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), "pthread_spin_unlock", out var unlock))
                return false;
            // The hook must overwrite a live cell; check that it does before relying on it.
            int probe = Live;
            ((delegate* unmanaged<int*, int>)unlock)(&probe);
            if (probe == Live)
                return false;
            uint created;
            if (pthread_key_create(&created, unlock) != 0)
                return false;
            key = created;
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc")]
    private static extern nint pthread_self();

    [DllImport("libc")]
    private static extern int pthread_getattr_np(nint thread, void* attr);

    [DllImport("libc")]
    private static extern int pthread_attr_getstack(void* attr, nuint* address, nuint* size);

    [DllImport("libc")]
    private static extern int pthread_attr_destroy(void* attr);

    [DllImport("libc")]
    private static extern int pthread_key_create(uint* key, nint destructor);

    [DllImport("libc")]
    private static extern int pthread_setspecific(uint key, void* value);
}
#endif
