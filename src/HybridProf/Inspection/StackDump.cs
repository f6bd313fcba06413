using System;
using System.Collections.Generic;

namespace HybridProf.Inspection;

/// <summary>What every instrumented thread and every pending async operation is doing at one moment.</summary>
/// <param name="Threads">Threads inside instrumented code, with their logical stacks.</param>
/// <param name="PendingOperations">Suspended async operations, each waiting chain once (tracked while the agent runs, a wall session or <c>TrackPendingOperations</c> asks).</param>
public sealed record StackDump(IReadOnlyList<ThreadStack> Threads, IReadOnlyList<PendingOperation> PendingOperations);

/// <summary>One thread's logical stack, root first.</summary>
/// <param name="ManagedThreadId">The thread's managed id.</param>
/// <param name="Name">The thread's name, or <c>thread N</c>.</param>
/// <param name="Frames">Frame names, root first.</param>
public sealed record ThreadStack(int ManagedThreadId, string Name, IReadOnlyList<string> Frames);

/// <summary>
/// A suspended async operation at the innermost point of a wait: the operations awaiting it
/// are in its chain and are not listed on their own, so each pending request appears once.
/// </summary>
/// <param name="Frames">Its logical stack, root first; the last frame is the operation itself.</param>
/// <param name="Pending">How long it has been suspended at its current await.</param>
public sealed record PendingOperation(IReadOnlyList<string> Frames, TimeSpan Pending);
