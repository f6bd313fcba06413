using System;
using System.Collections.Generic;
using HybridProf.Markers;
using HybridProf.Methods;
using HybridProf.Sampling;

namespace HybridProf.Inspection;

/// <summary>Reads logical stacks from any thread without stopping anyone (the sampler's way).</summary>
internal static class StackInspector
{
    public static StackDump Dump()
    {
        var buffer = new int[ShadowStack.MaxRecordedDepth];
        var threads = new List<ThreadStack>();
        foreach (var thread in ThreadRegistry.Snapshot())
        {
            var stack = thread.Stack;
            int count = stack.CopyTo(buffer, out _);
            if (count == 0)
                continue;
            var owner = stack.Owner;
            threads.Add(new ThreadStack(owner.ManagedThreadId, owner.Name ?? $"thread {owner.ManagedThreadId}", Names(buffer, count)));
        }

        var pending = new List<PendingOperation>();
        var state = (Buffer: buffer, List: pending, Now: Environment.TickCount);
        PendingOperations.Collect(ref state, static (ref (int[] Buffer, List<PendingOperation> List, int Now) s, AsyncNode node) =>
        {
            // Each waiting chain once: an operation that awaits an instrumented one (or work it
            // handed over) is in that one's chain, which shows where the wait really is.
            int current = System.Threading.Volatile.Read(ref node.State);
            if (current == AsyncNode.Suspended && !node.WaitsForOthers)
            {
                int count = node.CopyChainTo(s.Buffer);
                var age = TimeSpan.FromMilliseconds(Math.Max(0, unchecked(s.Now - node.SuspendedAt)));
                s.List.Add(new PendingOperation(Names(s.Buffer, count), age));
            }
            // Done nodes stay for the sampler to account; a dump only reads.
            return true;
        });
        return new StackDump(threads, pending);
    }

    public static IReadOnlyList<string> Names(int[] ids, int count)
    {
        var names = new string[count];
        for (int i = 0; i < count; i++)
            names[i] = MethodFrames.Name(ids[i]);
        return names;
    }
}
