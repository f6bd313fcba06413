#if NET
using System;
using System.Runtime.InteropServices;

namespace HybridProf.Markers;

public sealed partial class ShadowStack
{
    // Where the owning thread's machine stack lies and whether that thread is alive, for
    // StackByAddress. MachineStackSize stays 0 when unknown: no address is then inside.
    internal nuint MachineStackLow;
    internal nuint MachineStackSize;
    internal unsafe int* AliveCell;

    internal unsafe void SetMachineStack(nuint low, nuint size, int* alive)
    {
        AliveCell = alive;
        MachineStackLow = low;
        MachineStackSize = size;
    }

    /// <summary>
    /// Frees the alive cell once nothing can use it: this stack is unreachable (no lookup slot
    /// holds it) and the thread's exit hook has written the cell. A thread still exiting has
    /// not written it yet; its stack is looked at again after the next collection.
    /// </summary>
    unsafe ~ShadowStack()
    {
        if (AliveCell is null)
            return;
        if (*AliveCell == StackByAddress.Live)
        {
            GC.ReRegisterForFinalize(this);
            return;
        }
        NativeMemory.Free(AliveCell);
        AliveCell = null;
    }
}
#endif
