using System.Diagnostics;
using HybridProf.Sampling;

namespace HybridProf.Tests.Sampling;

/// <summary>
/// In cpu mode a thread earns one sample per sampling interval of CPU time it used, not one per
/// tick at which it was running or ready to run.
/// </summary>
public class CpuTimeCreditTests
{
    private const double Interval = 10_000_000; // 10 ms, 100 Hz, in nanoseconds
    private static readonly CpuTimeCredit Credit = new(Stopwatch.Frequency / 100);

    private static ThreadHistory NewThread() => new();

    private static ThreadReading Ran(double cpuIntervals, double wallIntervals = 1, double pauseIntervals = 0, bool runnable = true) =>
        new(runnable, (long)(cpuIntervals * Interval), wallIntervals * Interval, pauseIntervals * Interval);

    [Fact]
    public void A_thread_on_its_core_all_the_time_earns_one_sample_a_tick()
    {
        var thread = NewThread();
        Assert.Equal(10, Enumerable.Range(0, 10).Sum(_ => Credit.Take(thread, Ran(1.0), weight: 1)));
    }

    [Fact]
    public void A_thread_that_gets_a_quarter_of_a_core_earns_a_sample_every_fourth_tick_and_no_fraction_is_lost()
    {
        var thread = NewThread();
        var earned = Enumerable.Range(0, 8).Select(_ => Credit.Take(thread, Ran(0.25), weight: 1)).ToList();
        Assert.Equal(new long[] { 0, 0, 0, 1, 0, 0, 0, 1 }, earned);
    }

    [Fact]
    public void A_burst_that_ends_in_a_wait_is_charged_once_where_the_thread_next_runs()
    {
        var thread = NewThread();
        // Ran 3.5 intervals of CPU, then waited (a long stretch between two readings): at most
        // one sample's credit survives the wait, none is given to the stack it waits in.
        Assert.Equal(0, Credit.Take(thread, Ran(3.5, wallIntervals: 20, runnable: false), weight: 1));
        Assert.Equal(1, Credit.Take(thread, Ran(0.1), weight: 1));
        Assert.Equal(0, Credit.Take(thread, Ran(0.1), weight: 1));
    }

    [Fact]
    public void A_thread_woken_but_not_yet_run_spends_no_credit_on_the_frame_it_waited_in()
    {
        var thread = NewThread();
        Assert.Equal(0, Credit.Take(thread, Ran(0.9, wallIntervals: 3, runnable: false), weight: 1));
        // Woken (runnable) but waiting for a core: no CPU since the last reading, still in the wait's frame.
        Assert.Equal(0, Credit.Take(thread, Ran(0, runnable: true), weight: 1));
        Assert.Equal(1, Credit.Take(thread, Ran(0.2), weight: 1));
    }

    [Fact]
    public void Cpu_time_inside_a_gc_pause_is_not_the_threads()
    {
        var thread = NewThread();
        // The thread that ran a 3-interval collection used 4 intervals of CPU over 4 of wall
        // time: one is its own, the pause is [GC]'s.
        Assert.Equal(1, Credit.Take(thread, Ran(4, wallIntervals: 4, pauseIntervals: 3), weight: 1));
    }

    [Fact]
    public void A_thread_without_a_cpu_figure_counts_the_ticks_weight_when_runnable()
    {
        var thread = NewThread();
        Assert.Equal(3, Credit.Take(thread, new ThreadReading(runnable: true), weight: 3));
        Assert.Equal(0, Credit.Take(thread, new ThreadReading(runnable: false), weight: 3));
    }
}
