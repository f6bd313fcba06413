#if NET
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace HybridProf.Markers;

/// <summary>
/// Finds the calling thread's shadow stack from the address of one of its local variables,
/// which is cheaper than the runtime's thread-local read (on Linux a call into the C
/// library's TLS resolver, which also makes the JIT save registers around it). The address
/// space is cut into 4 KiB pieces; a table holds, for each slot, the last thread that pushed
/// from a piece of that slot, and beside it a cell with the number of that piece. A marker
/// takes the slot's stack when the cell holds the number of its own piece: one comparison,
/// with no read of the stack itself before it (docs/benchmarks.md, "Side by side in one
/// process, and a lookup with one comparison"). Anything else takes the thread-local read and
/// publishes the piece.
/// <para>
/// Why a matching cell is always right:
/// <list type="bullet">
/// <item>A thread publishes only pieces that lie wholly inside its machine stack (machine
/// stacks begin and end on page boundaries, so every piece a thread runs on is whole), and the
/// machine stacks of living threads never share a piece. So a cell that holds a piece's number
/// was written by the one living thread that runs on that piece, unless that thread died.</item>
/// <item>A thread publishes a cell only after registering it with one of its thread-exit
/// hooks (a pthread key whose destructor is the C library's <c>pthread_spin_unlock</c>, which
/// stores 0 or 1 into the cell's low half). Key destructors run on the exiting thread before
/// its machine stack can be handed to another, so once a thread has died no cell holds a piece
/// number it wrote: a cleared cell's low half is 0 or 1, and a piece whose slot is 0 or 1 is
/// never published, so no piece number a marker compares with ends that way.</item>
/// <item>Publishers take a lock and write the cell empty, then the slot, then the piece
/// number; a marker reads the slot, then the cell (in that order, on every processor). If it
/// finds its piece number, no publisher has touched the slot since that number was written.</item>
/// </list>
/// A thread has <see cref="EntriesPerThread"/> exit hooks: when its stack moves to more pieces
/// than that, the next piece takes a hook back from an earlier one, emptying the earlier
/// piece's cell first. Where any of this cannot be had (not Linux on a little-endian machine,
/// NativeAOT, whose own thread-local read is already inline, a C library without these calls)
/// <see cref="Enabled"/> is false and the markers use the thread-local read alone.
/// </para>
/// </summary>
internal static unsafe class StackByAddress
{
    /// <summary>Pieces of its machine stack (4 KiB each) one thread has published at a time: one exit-hook key each.</summary>
    internal const int EntriesPerThread = 32;

    private const int PieceShift = 12;
    private const nuint PieceSize = 1 << PieceShift;
    private const int SlotCount = 1 << 14;

    // Slots 0 and 1 are never published (the cleared cells' low half is 0 or 1).
    private const int FirstPublishedSlot = 2;

    private static readonly uint[] s_exitKeys = new uint[EntriesPerThread];

    /// <summary>Whether markers look their stack up by address (read once; the JIT folds it).</summary>
    internal static readonly bool Enabled = RuntimeFeature.IsDynamicCodeCompiled && BitConverter.IsLittleEndian && TryCreateExitKeys(s_exitKeys);

    // One slot per 4 KiB piece, 64 MiB of address space before two pieces share a slot (128 KiB
    // of references and 128 KiB of cells in every woven process); a shared slot is still exact
    // (the piece number differs), only slower for one of the two threads. Pinned, and the cells
    // in native memory, so that a marker reads both at addresses the JIT compiles in as
    // constants: two loads, neither waiting for another.
    private static readonly ShadowStack?[] s_slots = GC.AllocateArray<ShadowStack?>(Enabled ? SlotCount : 0, pinned: true);
    private static readonly nint s_slotsAt = Enabled ? (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(s_slots)) : 0;
    private static readonly nint s_cellsAt = Enabled ? (nint)NativeMemory.AllocZeroed(SlotCount, sizeof(ulong)) : 0;
    private static readonly object s_publishing = new();

    /// <summary>The shadow stack of the thread whose machine stack holds <paramref name="address"/>: the caller's, given the address of its local.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ShadowStack Find(nuint address)
    {
        nuint piece = address >> PieceShift;
        nint slot = SlotOfPiece(piece);
        // The slot before the cell (see the class): a publisher writes them the other way round.
        var stack = Volatile.Read(ref Unsafe.Add(ref Unsafe.AsRef<ShadowStack?>((void*)s_slotsAt), slot));
        if (((ulong*)s_cellsAt)[slot] == piece)
            return stack!;
        return FindByThreadLocal(address);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ShadowStack FindByThreadLocal(nuint address)
    {
        var stack = ShadowStack.Current;
        nuint piece = address >> PieceShift;
        nint slot = SlotOfPiece(piece);
        if (slot >= FirstPublishedSlot && stack.HoldsPiece(piece << PieceShift, PieceSize))
        {
            lock (s_publishing)
                Publish(stack, slot, piece);
        }
        return stack;
    }

    /// <summary>
    /// Makes <paramref name="slot"/> name the calling thread's <paramref name="stack"/> for
    /// <paramref name="piece"/>, once the thread's exit hook will clear the slot's cell. Runs
    /// under the publishing lock.
    /// </summary>
    private static void Publish(ShadowStack stack, nint slot, nuint piece)
    {
        ulong* cell = (ulong*)s_cellsAt + slot;
        if (!stack.HasExitHookFor(cell) && !TryHookExit(stack, cell))
            return;
        Volatile.Write(ref *cell, 0UL);
        Volatile.Write(ref s_slots[slot], stack);
        Volatile.Write(ref *cell, (ulong)piece);
    }

    /// <summary>
    /// Registers <paramref name="cell"/> with one of the thread's exit hooks; when all are taken,
    /// with the next one in turn, after emptying the cell that hook had if it still names this
    /// thread (its exit would no longer clear it).
    /// </summary>
    private static bool TryHookExit(ShadowStack stack, ulong* cell)
    {
        int hook = stack.HookForNextCell(EntriesPerThread);
        if (stack.CellOfHook(hook) is var earlier && earlier != null && s_slots[SlotOf(earlier)] == stack)
            Volatile.Write(ref *earlier, 0UL);
        if (pthread_setspecific(s_exitKeys[hook], cell) != 0)
            return false;
        stack.SetHook(hook, cell);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint SlotOfPiece(nuint piece) => (nint)(piece & (SlotCount - 1));

    private static nint SlotOf(ulong* cell) => (nint)(cell - (ulong*)s_cellsAt);

    /// <summary>Whether a lookup cell still names <paramref name="stack"/>: after its thread has ended, none may (tests).</summary>
    internal static bool AnyCellNames(ShadowStack stack)
    {
        for (int slot = FirstPublishedSlot; slot < (Enabled ? SlotCount : 0); slot++)
        {
            ulong piece = Volatile.Read(ref ((ulong*)s_cellsAt)[slot]);
            if (SlotOfPiece((nuint)piece) == slot && Volatile.Read(ref s_slots[slot]) == stack)
                return true;
        }
        return false;
    }

    /// <summary>
    /// Gives a newly attached thread's stack its machine stack's range, on that thread. Leaves
    /// the range empty (the stack is then always found by thread-local read) when it cannot be had.
    /// </summary>
    internal static void Describe(ShadowStack stack)
    {
        try
        {
            if (Enabled && TryGetMachineStack(out nuint low, out nuint size))
                stack.SetMachineStack(low, size);
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
            // The hook must overwrite a cell's low half with 0 or 1 (it stores 1 on x86-64, 0
            // elsewhere), what no published piece number's low half is; check that it does.
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
