using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace HybridProf.Markers;

/// <summary>
/// The calls the weaver plants in instrumented methods. Part of the binary contract
/// (docs/method-table.md): a library woven against an older version keeps working with newer
/// runtimes, so these signatures never change; new behaviour gets new methods. Version 3
/// weaves <see cref="Push"/> or <see cref="PushInlinable"/>, and <see cref="Pop"/>; libraries
/// woven with version 1 still call <see cref="Enter"/>/<see cref="Exit"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class Marker
{
    /// <summary>Version of the marker calls woven code uses (3: <see cref="PushInlinable"/> added).</summary>
    public const int ContractVersion = 3;

    /// <summary>
    /// Pushes a method id on the calling thread's shadow stack and returns where it went, so
    /// the matching <see cref="Pop"/> needs no second lookup and no read of the depth: it
    /// restores the depth this call saw. One lookup of the stack (by the machine stack's address
    /// where StackByAddress works, else a thread-local read), one store of the id
    /// and one of the depth; no timestamp, lock or allocation in sampling mode. In deterministic
    /// mode (chosen at start-up) it also reads the clock and counts the call (docs/deterministic.md).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static MarkerFrame Push(int id) => PushOn(ShadowStack.OfCaller(), id);

    /// <summary>
    /// <see cref="Push"/> for a method the JIT is likely to inline (small, straight-line): it
    /// finds the stack by thread-local read, whose address the JIT computes once outside the
    /// caller's loop, where the lookup by address would be repeated on every pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static MarkerFrame PushInlinable(int id) => PushOn(ShadowStack.Current, id);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static MarkerFrame PushOn(ShadowStack stack, int id)
    {
        int depth = stack.Depth;
        stack.PushAt(id, depth);
        if (MarkerMode.Deterministic)
            stack.Recorder!.Enter(id, depth);
        return new MarkerFrame(stack, depth);
    }

    /// <summary>
    /// Pops the frame <see cref="Push"/> pushed; runs in a finally. Restoring the depth the push
    /// saw (rather than decrementing) is a single store, and it also drops anything a callee
    /// left above the frame, so one unbalanced marker cannot shift every frame under it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Pop(MarkerFrame frame)
    {
        var stack = frame.Stack;
        if (MarkerMode.Deterministic)
            stack.Recorder!.Exit(frame.Depth);
        stack.Depth = frame.Depth;
    }

    /// <summary>
    /// Contract version 1's entry marker, kept for libraries woven with it: pushes a method id
    /// and returns the stack; <see cref="Exit"/> pops by decrementing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ShadowStack Enter(int id) => Push(id).Stack;

    /// <summary>Contract version 1's exit marker: pops the frame pushed by the matching <see cref="Enter"/>; runs in a finally.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit(ShadowStack stack)
    {
        int depth = stack.Depth - 1;
        if (MarkerMode.Deterministic)
            stack.Recorder!.Exit(depth);
        stack.Depth = depth;
    }
}
