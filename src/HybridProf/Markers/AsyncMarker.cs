using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;

namespace HybridProf.Markers;

/// <summary>
/// The calls the weaver plants in async state machines (binary contract, like
/// <see cref="Marker"/>). The kick-off method pushes the method's frame like any method, so
/// the first synchronous run is under its callers. The first time the operation suspends,
/// its logical callers are captured in an <see cref="AsyncNode"/> kept in a field of the
/// state machine; each resumption pushes a switch entry pointing at it, so a continuation
/// on any thread is sampled under the chain of awaiting callers.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AsyncMarker
{
    /// <summary>
    /// Entry of an async method's MoveNext. <paramref name="state"/> is −1 on the first run,
    /// which happens inside the kick-off frame, so nothing is pushed; a resumption after an
    /// await pushes a switch entry.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ShadowStack? EnterMethod(int state, AsyncNode? node, int id) =>
        state == -1 ? null : Resume(node, id);

    /// <summary>
    /// Entry of an async iterator's MoveNext: each step the consumer asks for is a slice
    /// pushed under the consumer; a resumption after an await (state ≥ 0) is a switch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ShadowStack EnterIterator(int state, AsyncNode? node, int id) =>
        state >= 0 ? Resume(node, id) : Marker.Enter(id);

    /// <summary>
    /// Called just before each await that suspends, after the state is stored and before the
    /// builder is told: a struct state machine is boxed there, so the node must be in its field first.
    /// </summary>
    public static void Suspend(ref AsyncNode? node)
    {
        var stack = ShadowStack.Current;
        bool first = node is null;
        var current = node ??= stack.Capture();
        // Deterministic mode: the operation's wall time runs from its kick-off frame, which
        // is on top during the first run.
        if (MarkerMode.Deterministic && first)
            current.StartedAt = stack.Recorder!.EnteredAt(stack.Depth - 1);
        current.SuspendedAt = Environment.TickCount;
        Volatile.Write(ref current.State, AsyncNode.Suspended);
        stack.AdoptChildren(current, first);
        // Work handed over from this frame before the first suspension hangs on a node of its
        // own (the same chain): while it runs, this operation waits for it.
        if (first && stack.HandOffAt(stack.TopPosition) is { } handed && handed != current)
            current.HandedWork = handed;
    }

    /// <summary>In MoveNext's finally: pops what the entry pushed; state −2 means the operation is done.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit(ShadowStack? stack, int state, AsyncNode? node)
    {
        if (MarkerMode.Deterministic)
        {
            ExitRecorded(stack, state, node);
            return;
        }
        if (stack is not null)
            stack.Depth--;
        if (state == -2)
            node?.Complete();
    }

    private static void ExitRecorded(ShadowStack? stack, int state, AsyncNode? node)
    {
        if (stack is not null)
        {
            int depth = stack.Depth - 1;
            stack.Recorder!.ExitAsync(depth);
            stack.Depth = depth;
        }
        if (state != -2)
            return;
        if (node is not null)
        {
            (stack ?? ShadowStack.Current).Recorder!.Completed(node.Frames.Length > 0 ? node.Frames[node.Frames.Length - 1] : 0, node.StartedAt);
            node.Complete();
        }
        else if (stack is null)
        {
            // Completed in its first run, inside the kick-off frame, which is on top.
            var current = ShadowStack.Current;
            var recorder = current.Recorder!;
            recorder.Completed(recorder.TopMethod, recorder.EnteredAt(current.Depth - 1));
        }
    }

    private static ShadowStack Resume(AsyncNode? node, int id)
    {
        // No node: the operation suspended where no marker ran (e.g. it was already running
        // when its assembly loaded); it is still named, just without its callers.
        if (node is null)
            return Marker.Enter(id);
        Volatile.Write(ref node.State, AsyncNode.Running);
        var stack = ShadowStack.Current;
        if (MarkerMode.Deterministic)
            stack.Recorder!.Resume(node, stack.Depth);
        stack.PushSwitch(node);
        return stack;
    }
}
