using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace HybridProf.Deterministic;

internal sealed partial class ThreadRecorder
{
    /// <summary>Timeline events kept per thread; later calls are counted in <see cref="DroppedEvents"/>.</summary>
    public const int TimelineCapacity = 1 << 19;

    // Wall time of completed async operations per method id (Stopwatch ticks), and their
    // count: indexed by id, grown when a newer table registers.
    private long[] _wall = new long[64];
    private long[] _completions = new long[64];

    private TimelineEvent[] _events = Array.Empty<TimelineEvent>();
    private int _eventCount;
    private long _dropped;

    /// <summary>An async operation of <paramref name="method"/> that started at <paramref name="startedAt"/> completed now.</summary>
    public override void Completed(int method, long startedAt)
    {
        if (method <= 0 || startedAt == 0)
            return;
        long elapsed = Stopwatch.GetTimestamp() - startedAt;
        if ((uint)method >= (uint)_wall.Length)
        {
            int size = Math.Max(method + 1, _wall.Length * 2);
            // Grow the counts first: a reader that sees the bigger time array sees bigger counts.
            var completions = new long[size];
            var wall = new long[size];
            Array.Copy(_completions, completions, _completions.Length);
            Array.Copy(_wall, wall, _wall.Length);
            Volatile.Write(ref _completions, completions);
            Volatile.Write(ref _wall, wall);
        }
        _wall[method] += elapsed;
        _completions[method]++;
    }

    /// <summary>Wall ticks and completions per method id (read by the merge; may be one event stale).</summary>
    public (long[] Wall, long[] Completions) WallTimes => (Volatile.Read(ref _wall), Volatile.Read(ref _completions));

    /// <summary>Calls not kept in the timeline because this thread's buffer was full.</summary>
    public long DroppedEvents => Volatile.Read(ref _dropped);

    /// <summary>The timeline events recorded so far, oldest first.</summary>
    public ReadOnlySpan<TimelineEvent> Events
    {
        get
        {
            int count = Volatile.Read(ref _eventCount);
            return Volatile.Read(ref _events).AsSpan(0, count);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Record(int method, int depth, long now, bool resumed)
    {
        int count = _eventCount;
        var events = _events;
        if (count == events.Length)
        {
            if (count >= TimelineCapacity)
            {
                _dropped++;
                return;
            }
            var grown = new TimelineEvent[Math.Min(TimelineCapacity, Math.Max(1024, count * 2))];
            Array.Copy(events, grown, count);
            Volatile.Write(ref _events, grown);
            events = grown;
        }
        events[count] = new TimelineEvent(method, EnteredAt(depth), now, resumed);
        // The event is written before the count that exposes it.
        Volatile.Write(ref _eventCount, count + 1);
    }
}

/// <summary>One call (or resumed async slice) of the timeline, in Stopwatch ticks.</summary>
internal readonly struct TimelineEvent
{
    public TimelineEvent(int method, long start, long end, bool resumed)
    {
        Method = method;
        Start = start;
        End = end;
        Resumed = resumed;
    }

    public int Method { get; }
    public long Start { get; }
    public long End { get; }
    public bool Resumed { get; }
}
