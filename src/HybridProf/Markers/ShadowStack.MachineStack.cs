#if NET
namespace HybridProf.Markers;

public sealed partial class ShadowStack
{
    // Where the owning thread's machine stack lies and the mark it writes into the lookup
    // cells it publishes, for StackByAddress. MachineStackSize stays 0 when unknown: no address
    // is then inside.
    internal nuint MachineStackLow;
    internal nuint MachineStackSize;
    internal int Mark;

    // The lookup cells whose clearing this thread's exit hooks are set up for (one key each).
    private unsafe int*[]? _exitHooks;
    internal int ExitHooks;

    internal void SetMachineStack(nuint low, nuint size, int mark)
    {
        Mark = mark;
        MachineStackLow = low;
        MachineStackSize = size;
    }

    internal unsafe bool HasExitHookFor(int* cell)
    {
        for (int i = 0; i < ExitHooks; i++)
        {
            if (_exitHooks![i] == cell)
                return true;
        }
        return false;
    }

    internal unsafe void AddExitHook(int* cell)
    {
        _exitHooks ??= new int*[StackByAddress.EntriesPerThread];
        _exitHooks[ExitHooks++] = cell;
    }
}
#endif
