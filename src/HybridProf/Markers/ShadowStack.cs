using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;

namespace HybridProf.Markers;

/// <summary>
/// One thread's stack of instrumented method ids. The owning thread pushes and pops; the
/// sampler reads it from another thread without stopping it or taking a lock. Public only
/// because woven code holds one between its enter and exit markers (binary contract).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class ShadowStack
{
    /// <summary>Frames beyond this depth are counted but not recorded (deep recursion).</summary>
    internal const int MaxRecordedDepth = 4096;
    private const int InitialCapacity = 64;

    /// <summary>The frame id of a switch entry: the logical stack continues at <see cref="Links"/> instead of below.</summary>
    internal const int SwitchFrame = 0;

    // Frames[0..Depth) are live, root first. The array is replaced (never shrunk) when
    // it grows, so a reader that loaded the old one still sees valid ids.
    internal int[] Frames = new int[InitialCapacity];

    // Links[i] is the AsyncNode of a switch entry at i (Frames[i] == SwitchFrame); other
    // slots may hold stale nodes and are never read. Grown before Frames, so it is never shorter.
    internal AsyncNode?[] Links = new AsyncNode?[InitialCapacity];

    // Written only by the owning thread. Depth may exceed Frames.Length once the cap is hit.
    internal int Depth;

    private static long s_serials;

    internal ShadowStack(Thread owner)
    {
        Owner = owner;
        Serial = Interlocked.Increment(ref s_serials);
    }

    /// <summary>A number no other stack of this process has (from 1): the sampler's key for the thread, which outlives its managed id.</summary>
    internal long Serial { get; }

    /// <summary>This thread's deterministic recording; set (never null) when deterministic mode is on.</summary>
    internal CallRecorder? Recorder;

    internal Thread Owner { get; }

    [ThreadStatic]
    private static ShadowStack? t_current;

    /// <summary>The calling thread's stack, created and registered on first use.</summary>
    internal static ShadowStack Current
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get => t_current ?? AttachCurrentThread();
    }

    /// <summary>
    /// The calling thread's stack, found by the address of a local of the caller where
    /// <c>StackByAddress</c> works (cheaper than <see cref="Current"/>'s thread-local read in a
    /// call; in a loop the JIT hoists <see cref="Current"/>'s read instead).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining), SkipLocalsInit]
    internal static unsafe ShadowStack OfCaller()
    {
#if NET
        if (StackByAddress.Enabled)
        {
            // Any local's address lies in this thread's machine stack, inlined or not.
            Unsafe.SkipInit(out int here);
            return StackByAddress.Find((nuint)Unsafe.AsPointer(ref here));
        }
#endif
        return Current;
    }

    private static ShadowStack AttachCurrentThread()
    {
        var owner = Thread.CurrentThread;
        var stack = new ShadowStack(owner)
        {
            Recorder = MarkerMode.Deterministic ? MarkerSetup.RecorderFactory!(owner) : null,
        };
        t_current = stack;
#if NET
        StackByAddress.Describe(stack);
#endif
        try
        {
            MarkerSetup.ThreadAttached?.Invoke(stack);
        }
        catch (Exception)
        {
            // This runs on the app's thread, inside its call. The hook reports its own
            // failures; this guard only makes sure the call itself never fails.
        }
        return stack;
    }

    /// <summary>Pushes <paramref name="id"/> at <paramref name="depth"/>, the current depth (the markers' fast path).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void PushAt(int id, int depth)
    {
        int[] frames = Frames;
        if ((uint)depth < (uint)frames.Length)
        {
            frames[depth] = id;
            // Release order: the sampler must see the id before the depth that exposes it
            // (a plain store on x64, a store-release on ARM).
            Volatile.Write(ref Depth, depth + 1);
        }
        else
        {
            PushOverflow(id, depth);
        }
    }

    /// <summary>Slow path of a push that does not fit: grow, or count past the cap.</summary>
    private void PushOverflow(int id, int depth)
    {
        var frames = Frames;
        if (frames.Length < MaxRecordedDepth)
        {
            var grown = new int[Math.Min(frames.Length * 2, MaxRecordedDepth)];
            var links = new AsyncNode?[grown.Length];
            Array.Copy(Links, links, Links.Length);
            Volatile.Write(ref Links, links);
            Array.Copy(frames, grown, frames.Length);
            grown[depth] = id;
            // Publish the filled array before the deeper depth: the sampler loads Depth
            // first, then Frames, and must never index past the array it loaded.
            Volatile.Write(ref Frames, grown);
        }
        Volatile.Write(ref Depth, depth + 1);
    }

    /// <summary>
    /// Copies the logical stack into <paramref name="buffer"/>, root first: the frames above
    /// the topmost switch entry, under the node chain that switch entry points at (the
    /// awaiting callers), never the frames physically below it. Returns the count and
    /// whether frames beyond the cap were left out. Called by the sampler and by stack dumps
    /// from other threads, without a lock shared with the thread: a push or pop racing with
    /// the copy could make it a mix of two neighbouring stacks (the frames of a call that just
    /// returned above the one that followed it). So the copy is checked against the stack once
    /// more and taken again when they differ; when the thread keeps changing its stack through
    /// <see cref="CopyAttempts"/> copies, the last one keeps only the frames from the root that
    /// the stack still holds (the calls the thread was certainly inside).
    /// </summary>
    [MethodImpl(SamplerPath.CompiledOnce)]
    internal int CopyTo(int[] buffer, out bool truncated)
    {
        for (int attempt = 1; ; attempt++)
        {
            int depth = Volatile.Read(ref Depth);
            int[] frames = Volatile.Read(ref Frames);
            int count = CopyOnce(buffer, depth, frames, out truncated, out int start, out int above);
            int below = count - above;
            // Looked at before and after the second look, so that the thread did not pass
            // through the copied state while that look was under way.
            if (Unchanged(depth, frames) && Held(frames, start, buffer, below, above) == above && Unchanged(depth, frames))
                return count;
            if (attempt == CopyAttempts)
            {
                int held = Math.Min(Held(frames, start, buffer, below, above), Volatile.Read(ref Depth) - start);
                return below + Math.Max(0, held);
            }
        }
    }

    /// <summary>How many times a copy is taken while the thread keeps changing its stack under it.</summary>
    private const int CopyAttempts = 4;

    [MethodImpl(SamplerPath.CompiledOnce)]
    private bool Unchanged(int depth, int[] frames)
    {
        // The reads before this one complete first (a load-load fence on ARM).
        Interlocked.MemoryBarrier();
        return Volatile.Read(ref Depth) == depth && Volatile.Read(ref Frames) == frames;
    }

    /// <summary>
    /// One copy of the stack as <paramref name="depth"/> and <paramref name="frames"/> say:
    /// <paramref name="above"/> frames from <paramref name="frames"/>[<paramref name="start"/>..]
    /// at the end of the buffer, under what a node chain gave.
    /// </summary>
    [MethodImpl(SamplerPath.CompiledOnce)]
    private int CopyOnce(int[] buffer, int depth, int[] frames, out bool truncated, out int start, out int above)
    {
        var links = Volatile.Read(ref Links);
        int live = Math.Min(depth, frames.Length);
        truncated = depth > live;

        int top = live - 1;
        while (top >= 0 && frames[top] != SwitchFrame)
            top--;
        int count = 0;
        if (top >= 0 && links[top] is { } node)
            count = node.CopyChainTo(buffer);
        start = top + 1;
        above = Math.Min(live - start, buffer.Length - count);
        Array.Copy(frames, start, buffer, count, above);
        truncated |= above < live - start;
        return count + above;
    }

    /// <summary>How many of the <paramref name="above"/> frames copied to <paramref name="buffer"/>[<paramref name="from"/>..], from the first, <paramref name="frames"/>[<paramref name="start"/>..] still holds.</summary>
    [MethodImpl(SamplerPath.CompiledOnce)]
    private static int Held(int[] frames, int start, int[] buffer, int from, int above)
    {
        int held = 0;
        while (held < above && frames[start + held] == buffer[from + held])
            held++;
        return held;
    }
}
