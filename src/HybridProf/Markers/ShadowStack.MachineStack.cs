#if NET
namespace HybridProf.Markers;

public sealed partial class ShadowStack
{
    // Where the owning thread's machine stack lies, for StackByAddress. MachineStackSize stays
    // 0 when unknown: no page is then inside, and the stack is never published.
    internal nuint MachineStackLow;
    internal nuint MachineStackSize;

    // The lookup cells this thread's exit hooks clear (hook i clears _exitHooks[i]), and which
    // hook a new cell takes once every hook has one.
    private unsafe ulong*[]? _exitHooks;
    internal int ExitHooks;
    private int _nextHookToMove;

    internal void SetMachineStack(nuint low, nuint size)
    {
        MachineStackLow = low;
        MachineStackSize = size;
    }

    /// <summary>Whether the whole 4 KiB piece starting at <paramref name="start"/> lies in this thread's machine stack.</summary>
    internal bool HoldsPiece(nuint start, nuint pieceSize) =>
        MachineStackSize >= pieceSize && start - MachineStackLow <= MachineStackSize - pieceSize;

    internal unsafe bool HasExitHookFor(ulong* cell)
    {
        for (int i = 0; i < ExitHooks; i++)
        {
            if (_exitHooks![i] == cell)
                return true;
        }
        return false;
    }

    /// <summary>Which hook the next cell takes: a free one, or else the hooks in turn.</summary>
    internal int HookForNextCell(int hooks) => ExitHooks < hooks ? ExitHooks : _nextHookToMove++ % hooks;

    internal unsafe ulong* CellOfHook(int hook) => hook < ExitHooks ? _exitHooks![hook] : null;

    internal unsafe void SetHook(int hook, ulong* cell)
    {
        _exitHooks ??= new ulong*[StackByAddress.EntriesPerThread];
        _exitHooks[hook] = cell;
        if (hook == ExitHooks)
            ExitHooks++;
    }
}
#endif
