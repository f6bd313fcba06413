using HybridProf.Configuration;
using HybridProf.Model;
using HybridProf.Tests.TestSupport;

namespace HybridProf.Tests.Sampling;

public class SamplerTests
{
    private static readonly TestTable Table = new("Tests.Sampled.Spinner", "Tests.Sampled.Sleeper", "Tests.Sampled.Root");

    [Fact]
    public void Cpu_mode_keeps_running_threads_and_drops_waiting_ones()
    {
        // In cpu mode only the spinner is sampled: 100 samples are about 100 of its ticks.
        var profile = ProfileUntil(ProfileMode.Cpu, samples: 100);
        long spinner = OwnSamples(profile, "Tests.Sampled.Spinner");
        long sleeper = OwnSamples(profile, "Tests.Sampled.Sleeper");
        Assert.True(spinner > 20, $"the spinning thread got {spinner} samples");
        Assert.True(sleeper < spinner / 5, $"the sleeping thread got {sleeper} samples against {spinner}");
        Assert.DoesNotContain(profile.Frames, f => f.Name == "[blocked]");
        // Every thread sample is one reading; a late tick's reading weighs more than one sample.
        Assert.InRange(profile.Metadata.Observations, 1, profile.TotalSamples);
        // The program's name travels with the profile, for titles.
        Assert.False(string.IsNullOrEmpty(profile.Metadata.Program));
    }

    [Fact]
    public void Wall_mode_keeps_waiting_threads_too_and_marks_them_blocked()
    {
        // In wall mode both threads are sampled at every tick: about 100 ticks each.
        var profile = ProfileUntil(ProfileMode.Wall, samples: 200);
        long blocked = profile.Stacks
            .Where(s => profile.FrameNames(s).SequenceEqual(new[] { "Tests.Sampled.Root", "Tests.Sampled.Sleeper", "[blocked]" }))
            .Sum(s => s.Samples);
        Assert.True(blocked > 20, $"the sleeping thread got {blocked} blocked samples");
        Assert.True(OwnSamples(profile, "Tests.Sampled.Spinner") > 20, "the spinning thread was not sampled as running");
    }

    [Fact]
    public void Threads_outside_instrumented_code_are_not_sampled()
    {
        using var idle = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            Table.In("Tests.Sampled.Root", () => { });
            idle.Wait();
        });
        thread.Start();
        var session = Profiler.Start(new ProfilerOptions { Mode = ProfileMode.Wall, RateHz = 200 });
        Thread.Sleep(300);
        var profile = session.Stop();
        idle.Set();
        thread.Join();
        Assert.DoesNotContain(profile.Threads, t => t.Id == thread.ManagedThreadId);
    }

    [Fact]
    public void Stop_returns_the_same_profile_every_time()
    {
        var session = Profiler.Start(new ProfilerOptions { Mode = ProfileMode.Wall });
        var first = session.Stop();
        Assert.Same(first, session.Stop());
        Assert.False(session.IsRunning);
    }

    /// <summary>
    /// Samples a spinning and a sleeping thread until the session holds <paramref name="samples"/>
    /// samples: the figures are counts of ticks, never of time, so a slow or busy machine only
    /// takes longer (the deadline guards against a sampler that never ticks).
    /// </summary>
    private static Profile ProfileUntil(ProfileMode mode, long samples)
    {
        using var stop = new CancellationTokenSource();
        var spinner = new Thread(() => Table.In("Tests.Sampled.Root", () => Table.In("Tests.Sampled.Spinner", () =>
        {
            double x = 0;
            while (!stop.IsCancellationRequested)
                x = Math.Sqrt(x + 1);
            return x;
        })));
        var sleeper = new Thread(() => Table.In("Tests.Sampled.Root", () => Table.In("Tests.Sampled.Sleeper", () => stop.Token.WaitHandle.WaitOne())));
        spinner.Start();
        sleeper.Start();
        Thread.Sleep(50);
        var session = Profiler.Start(new ProfilerOptions { Mode = mode, RateHz = 200 });
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (session.SampleCount < samples && DateTime.UtcNow < deadline)
            Thread.Sleep(10);
        var profile = session.Stop();
        stop.Cancel();
        spinner.Join();
        sleeper.Join();
        return profile;
    }

    private static long OwnSamples(Profile profile, string leaf) =>
        profile.Stacks.Where(s => profile.Frames[s.Frames[^1]].Name == leaf).Sum(s => s.Samples);
}
