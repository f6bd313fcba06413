using HybridProf.Sampling;

namespace HybridProf.Tests.Sampling;

public class TickScheduleTests
{
    private const long Period = 1_000_000;

    [Fact]
    public void On_time_ticks_stand_for_one_interval_and_keep_the_configured_rate()
    {
        var schedule = new TickSchedule(Period, 0, 1UL);
        long previous = 0;
        long weights = 0;
        const int ticks = 10_000;
        for (int i = 0; i < ticks; i++)
        {
            long now = schedule.Target;
            long interval = now - previous;
            Assert.InRange(interval, Period / 2, Period * 3 / 2);
            previous = now;
            weights += schedule.Take(now, out int missed);
            Assert.Equal(0, missed);
        }
        Assert.Equal(ticks, weights);
        // Mean interval within 1% of the period: the rate is the configured one.
        Assert.InRange((double)previous / ticks, Period * 0.99, Period * 1.01);
    }

    [Fact]
    public void Wake_up_delays_shorter_than_a_period_do_not_slow_the_rate()
    {
        var schedule = new TickSchedule(Period, 0, 2UL);
        long now = 0;
        const int ticks = 10_000;
        for (int i = 0; i < ticks; i++)
        {
            // Every sleep overshoots by 6% of a period, as a timer's slack does.
            now = schedule.Target + Period * 6 / 100;
            Assert.Equal(1, schedule.Take(now, out _));
        }
        Assert.InRange((double)now / ticks, Period * 0.99, Period * 1.01);
    }

    [Fact]
    public void A_late_tick_stands_for_the_time_it_missed_then_the_schedule_restarts()
    {
        var schedule = new TickSchedule(Period, 0, 3UL);
        long now = schedule.Target + 5 * Period + Period / 2;
        int weight = schedule.Take(now, out int missed);
        Assert.Equal(5, missed);
        Assert.Equal(6, weight);
        // No burst of catch-up ticks: the next one is a normal interval after now.
        Assert.InRange(schedule.Target - now, Period / 2, Period * 3 / 2);
        // The half period left over is carried, not lost.
        now = schedule.Target + Period + Period / 2;
        Assert.Equal(2, schedule.Take(now, out missed) - 1);
        Assert.Equal(2, missed);
    }

    [Fact]
    public void Intervals_spread_over_the_whole_range_so_periodic_work_cannot_stay_in_phase()
    {
        // Sample a square wave whose period is 0.7 of the sampler's (the case that once gave
        // a short function 18% of the samples for 14% of the time): the share of samples in
        // the wave's first seventh must match the time it covers.
        var schedule = new TickSchedule(Period, 0, 4UL);
        const long cycle = Period * 7 / 10;
        int inFirstSeventh = 0;
        const int ticks = 20_000;
        for (int i = 0; i < ticks; i++)
        {
            long now = schedule.Target;
            if (now % cycle < cycle / 7)
                inFirstSeventh++;
            schedule.Take(now, out _);
        }
        Assert.InRange(inFirstSeventh / (double)ticks, 1 / 7.0 - 0.01, 1 / 7.0 + 0.01);
    }
}
