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
/// from it, and beside it a cell with that thread's mark; the entry is used only when the
/// address lies inside that thread's machine stack and the cell still holds its mark.
/// Anything else takes the thread-local read and refreshes the entry.
/// <para>
/// It stays exact when a thread dies and a new one gets its machine stack (the C library
/// reuses stacks): a thread publishes an entry only after registering the entry's cell with
/// a thread-exit hook (a pthread key whose destructor is the C library's
/// <c>pthread_spin_unlock</c>, which stores 0 or 1, never a mark, to the cell it is given).
/// Key destructors run on the exiting thread before its stack can be handed to another, and
/// only the thread itself ever writes its mark, so once it has died no cell holds its mark and
/// a new thread never takes its entry. A thread has <see cref="EntriesPerThread"/> keys, so it publishes entries
/// for that many pieces of its machine stack; deeper ones are found by thread-local read.
/// Where any of this cannot be had (not Linux, NativeAOT, whose own thread-local read is
/// already inline, a C library without these calls) <see cref="Enabled"/> is false and the
/// markers use the thread-local read alone.
/// </para>
/// </summary>
internal static unsafe class StackByAddress
{
    /// <summary>Pieces of its machine stack (64 KiB each) one thread publishes: one exit-hook key each.</summary>
    internal const int EntriesPerThread = 8;

    private const int PieceShift = 16;
    private const int SlotCount = 1 << 14;

    private static readonly uint[] s_exitKeys = new uint[EntriesPerThread];

    /// <summary>Whether markers look their stack up by address (read once; the JIT folds it).</summary>
    internal static readonly bool Enabled = RuntimeFeature.IsDynamicCodeCompiled && TryCreateExitKeys(s_exitKeys);

    // One slot per 64 KiB piece, 1 GiB of address space before two pieces share a slot (128 KiB
    // of references in every woven process); a shared slot is still exact (the range check
    // fails), only slower for one of the two threads. Pinned, and the cells in native memory,
    // so that a marker reads both at addresses the JIT compiles in as constants: two loads,
    // neither waiting for another. A slot no thread has published holds s_unpublished, whose
    // empty machine stack fails the range check, so the marker needs no test for null.
    // (Never registered, pushed on or sampled: it has no thread.)
    private static readonly ShadowStack s_unpublished = new(owner: null!);
    private static readonly ShadowStack[] s_slots = CreateSlots(Enabled ? SlotCount : 0);
    private static readonly nint s_slotsAt = Enabled ? (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(s_slots)) : 0;
    private static readonly nint s_cellsAt = Enabled ? (nint)NativeMemory.AllocZeroed(SlotCount, sizeof(int)) : 0;

    // Marks handed to threads, from 2 (the exit hook stores 0 or 1); past int.MaxValue new
    // threads get none and use the thread-local read, so that a mark is never reused.
    private static int s_lastMark = 1;

    /// <summary>The shadow stack of the thread whose machine stack holds <paramref name="address"/>: the caller's, given the address of its local.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ShadowStack Find(nuint address)
    {
        nint slot = SlotOf(address);
        var stack = Unsafe.Add(ref Unsafe.AsRef<ShadowStack>((void*)s_slotsAt), slot);
        int mark = ((int*)s_cellsAt)[slot];
        if (address - stack.MachineStackLow < stack.MachineStackSize && mark == stack.Mark)
            return stack;
        return FindByThreadLocal(address);
    }

    private static ShadowStack[] CreateSlots(int count)
    {
        var slots = GC.AllocateArray<ShadowStack>(count, pinned: true);
        Array.Fill(slots, s_unpublished);
        return slots;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ShadowStack FindByThreadLocal(nuint address)
    {
        var stack = ShadowStack.Current;
        if (address - stack.MachineStackLow < stack.MachineStackSize)
            Publish(stack, SlotOf(address));
        return stack;
    }

    /// <summary>
    /// Makes <paramref name="slot"/> name the calling thread's <paramref name="stack"/>, once
    /// the thread's exit hook will clear the slot's cell: the stack first, then the mark, so
    /// a reader that sees the mark with another stack misses.
    /// </summary>
    private static void Publish(ShadowStack stack, nint slot)
    {
        int* cell = (int*)s_cellsAt + slot;
        if (!stack.HasExitHookFor(cell))
        {
            int key = stack.ExitHooks;
            if (key == EntriesPerThread || pthread_setspecific(s_exitKeys[key], cell) != 0)
                return;
            stack.AddExitHook(cell);
        }
        Volatile.Write(ref s_slots[slot], stack);
        Volatile.Write(ref *cell, stack.Mark);
    }

    /// <summary>Whether a lookup cell holds <paramref name="mark"/>: after its thread has ended, none may (tests).</summary>
    internal static bool AnyCellHolds(int mark)
    {
        for (int i = 0; i < (Enabled ? SlotCount : 0); i++)
        {
            if (Volatile.Read(ref ((int*)s_cellsAt)[i]) == mark)
                return true;
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint SlotOf(nuint address) => (nint)((address >> PieceShift) & (SlotCount - 1));

    /// <summary>
    /// Gives a newly attached thread's stack its machine stack's range and its mark, on that
    /// thread. Leaves the range empty (the stack is then always found by thread-local read)
    /// when the range or a mark cannot be had.
    /// </summary>
    internal static void Describe(ShadowStack stack)
    {
        try
        {
            if (!Enabled || !TryGetMachineStack(out nuint low, out nuint size))
                return;
            int mark = Interlocked.Increment(ref s_lastMark);
            if (mark <= 0)
            {
                Volatile.Write(ref s_lastMark, int.MinValue); // stays negative: no mark again
                return;
            }
            stack.SetMachineStack(low, size, mark);
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

    private static bool TryCreateExitKeys(uint[] keys)
    {
        if (!OperatingSystem.IsLinux())
            return false;
        try
        {
            if (!NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), "pthread_spin_unlock", out var unlock))
                return false;
            // The hook must overwrite a cell holding a mark with what no mark is (it stores 1 on
            // x86-64, 0 elsewhere); check that it does before relying on it.
            int probe = int.MaxValue;
            ((delegate* unmanaged<int*, int>)unlock)(&probe);
            if (probe is not (0 or 1))
                return false;
            for (int i = 0; i < keys.Length; i++)
            {
                uint created;
                if (pthread_key_create(&created, unlock) != 0)
                    return false;
                keys[i] = created;
            }
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
