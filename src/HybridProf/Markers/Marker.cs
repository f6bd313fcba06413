using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;

namespace HybridProf.Markers;

/// <summary>
/// The calls the weaver plants in instrumented methods. Part of the binary contract
/// (docs/method-table.md): a library woven against version 1 keeps working with newer
/// runtimes, so these signatures never change; new behaviour gets new methods.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Marker
{
    /// <summary>Version of the marker calls woven code uses.</summary>
    public const int ContractVersion = 1;

    /// <summary>
    /// Pushes a method id on the calling thread's shadow stack and returns the stack, so
    /// the matching <see cref="Exit"/> needs no second thread-local lookup. One store and
    /// one index move: no timestamp, lock or allocation in sampling mode. In deterministic
    /// mode (chosen at start-up) it also reads the clock and counts the call (docs/deterministic.md).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ShadowStack Enter(int id)
    {
        var stack = ShadowStack.Current;
        int depth = stack.Depth;
        int[] frames = stack.Frames;
        if ((uint)depth < (uint)frames.Length)
        {
            frames[depth] = id;
            // Release order: the sampler must see the id before the depth that exposes it
            // (a plain store on x64, a store-release on ARM).
            Volatile.Write(ref stack.Depth, depth + 1);
        }
        else
        {
            stack.PushOverflow(id, depth);
        }
        // A constant after start-up: in sampling mode the tier-1 JIT drops this branch
        // (ahead-of-time code keeps it as one predictable test; see MarkerMode).
        if (MarkerMode.Deterministic)
            stack.Recorder!.Enter(id, depth);
        return stack;
    }

    /// <summary>Pops the frame pushed by the matching <see cref="Enter"/>; runs in a finally.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit(ShadowStack stack)
    {
        int depth = stack.Depth - 1;
        if (MarkerMode.Deterministic)
            stack.Recorder!.Exit(depth);
        stack.Depth = depth;
    }
}
