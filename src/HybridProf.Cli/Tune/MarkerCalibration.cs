using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace HybridProf.Cli.Tune;

/// <summary>
/// Measures what a marker costs a call on this machine, now, instead of trusting a constant:
/// one loop calls a non-inlined method, another calls the same method with what the weaver
/// plants around its body (the woven shape: the id from a static base, a <c>[ThreadStatic]</c>
/// stack read, a push with a release store, the pop in a <c>finally</c>); the difference per
/// call is the marker. Hand-written here, not the runtime's <c>Marker</c>, so that calibrating
/// neither registers the tool's thread with a sampler nor picks up a <c>HYBRIDPROF_MODE</c>
/// from the shell.
/// </summary>
/// <remarks>
/// Accuracy: each loop's best round is kept (other processes only ever add time), after enough
/// rounds for the JIT to have promoted both loops to tier 1, so this is the marker's cost in
/// hot, optimized code on a non-inlined call: about ±0.2 ns between runs on an idle machine. It
/// is the least a marker costs. A method the JIT would inline if it were not marked costs more
/// (its call is no longer removed), and a cold cache costs more, so the real saving of leaving a
/// method out is at least the prediction; <c>--build</c> measures it.
/// </remarks>
internal static class MarkerCalibration
{
    private const int CallsPerRound = 1_000_000;
    private const int MinRounds = 20;
    private static readonly TimeSpan MinDuration = TimeSpan.FromMilliseconds(400);

    // Woven code adds its row's local id to the table's base, a static field.
    private static int s_base = 1000;

    /// <summary>The marker's cost per call, in nanoseconds (never negative), and how many rounds measured it.</summary>
    public static (double Nanoseconds, int Rounds) Measure()
    {
        var clock = Stopwatch.StartNew();
        long bestBare = long.MaxValue, bestMarked = long.MaxValue;
        int rounds = 0;
        // Both loops alternate, so a disturbance hits either; tier-1 promotion needs 30 calls and about 100 ms.
        while (rounds < MinRounds || clock.Elapsed < MinDuration)
        {
            bestBare = Math.Min(bestBare, Time(BareLoop));
            bestMarked = Math.Min(bestMarked, Time(MarkedLoop));
            rounds++;
        }
        double perCall = (double)(bestMarked - bestBare) * 1e9 / Stopwatch.Frequency / CallsPerRound;
        return (Math.Max(0, perCall), rounds);
    }

    private static long Time(Func<int, int> loop)
    {
        long start = Stopwatch.GetTimestamp();
        GC.KeepAlive(loop(CallsPerRound));
        return Stopwatch.GetTimestamp() - start;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int BareLoop(int calls)
    {
        int value = 0;
        for (int i = 0; i < calls; i++)
            value = Bare(value);
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int MarkedLoop(int calls)
    {
        int value = 0;
        for (int i = 0; i < calls; i++)
            value = Marked(value);
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Bare(int value) => value + 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Marked(int value)
    {
        var stack = CalibrationStack.Enter(s_base + 1);
        try
        {
            return value + 1;
        }
        finally
        {
            CalibrationStack.Exit(stack);
        }
    }

    /// <summary>The shadow stack's hot path, as the runtime's <c>Marker.Enter</c>/<c>Exit</c> do it in sampling mode.</summary>
    private sealed class CalibrationStack
    {
        [ThreadStatic]
        private static CalibrationStack? t_current;

        private readonly int[] _frames = new int[64];
        private int _depth;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static CalibrationStack Enter(int id)
        {
            var stack = t_current ??= new CalibrationStack();
            int depth = stack._depth;
            int[] frames = stack._frames;
            if ((uint)depth < (uint)frames.Length)
            {
                frames[depth] = id;
                Volatile.Write(ref stack._depth, depth + 1);
            }
            return stack;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Exit(CalibrationStack stack) => stack._depth--;
    }
}
