using System;
using System.Diagnostics;

namespace HybridProf.Contracts;

/// <summary>
/// When the next checkpoint of a running profile is due. A checkpoint costs the app the
/// building and encoding of its profile, which grows as the run goes on, so the interval is
/// never shorter than twenty times what the last one took: checkpointing stays under about
/// 5 % of one core however large the profile gets. Compiled into the runtime (the
/// <c>HYBRIDPROF_OUTPUT</c> session's file on disk) and the CLI (<c>record -p</c>'s snapshots).
/// </summary>
internal sealed class CheckpointPace
{
    /// <summary>Time between checkpoints is at least this many times what one took.</summary>
    public const int CostFactor = 20;

    private readonly TimeSpan _shortest;
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();

    /// <param name="shortest">The interval while checkpoints are cheap.</param>
    public CheckpointPace(TimeSpan shortest)
    {
        _shortest = shortest;
        Interval = shortest;
    }

    /// <summary>The interval in effect: <c>max(shortest, 20 × the last checkpoint's duration)</c>.</summary>
    public TimeSpan Interval { get; private set; }

    /// <summary>True once <see cref="Interval"/> has passed since the last checkpoint (or the start).</summary>
    public bool IsDue => _sinceLast.Elapsed >= Interval;

    /// <summary>How long until the next checkpoint is due (zero when it is).</summary>
    public TimeSpan UntilDue
    {
        get
        {
            // Never negative: a wait given a negative span other than -1 ms throws.
            var left = Interval - _sinceLast.Elapsed;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>A checkpoint took <paramref name="duration"/>: the next is due at the new interval from now.</summary>
    public void Took(TimeSpan duration)
    {
        Interval = TimeSpan.FromTicks(Math.Max(_shortest.Ticks, CostFactor * duration.Ticks));
        _sinceLast.Restart();
    }
}
