using System.Diagnostics;
using HybridProf.Configuration;
using HybridProf.Formats.Collapsed;
using HybridProf.Formats.TextReport;
using HybridProf.Formats;
using HybridProf.Model;
using HybridProf.Tests.TestSupport;

namespace HybridProf.Tests.Deterministic;

/// <summary>
/// Exact counts and sensible times from the deterministic recorder. This test process starts
/// with deterministic mode on (the csproj sets the AppContext switch); each test registers its
/// own table, so the functions of tests running in parallel never mix with its own.
/// </summary>
public class DeterministicRecordingTests
{
    private static Profile Record(Action body)
    {
        var session = Profiler.Start(new ProfilerOptions { Mode = ProfileMode.Deterministic });
        body();
        return session.Stop();
    }

    private static FunctionTiming F(Profile profile, string name) =>
        profile.Timings!.Function(name) ?? throw new Xunit.Sdk.XunitException($"{name} is not in the profile");

    [Fact]
    public void This_process_times_every_marker_call()
    {
        Assert.True(HybridProf.Markers.MarkerMode.Deterministic);
        var t = new TestTable("Mode.Main");
        t.In("Mode.Main", () => Assert.IsType<HybridProf.Deterministic.ThreadRecorder>(HybridProf.Markers.ShadowStack.Current.Recorder));
    }

    [Fact]
    public void Counts_every_call_exactly()
    {
        var t = new TestTable("Exact.Main", "Exact.F", "Exact.G");
        var profile = Record(() => t.In("Exact.Main", () =>
        {
            for (int i = 0; i < 1000; i++)
                t.In("Exact.F", () => { });
            for (int i = 0; i < 10; i++)
                t.In("Exact.G", () => { });
        }));

        Assert.Equal(1000, F(profile, "Exact.F").Calls);
        Assert.Equal(10, F(profile, "Exact.G").Calls);
        Assert.Equal(1, F(profile, "Exact.Main").Calls);
        Assert.Equal("1000", F(profile, "Exact.F").CallsText);
    }

    [Fact]
    public void Recursion_counts_total_over_primitive_and_inclusive_time_once()
    {
        var t = new TestTable("Rec.Main", "Rec.Down");
        void Down(int depth)
        {
            if (depth > 0)
                t.In("Rec.Down", () => { Spin(TimeSpan.FromMilliseconds(2)); Down(depth - 1); });
        }

        var profile = Record(() => t.In("Rec.Main", () => Down(5)));
        var down = F(profile, "Rec.Down");
        Assert.Equal(5, down.Calls);
        Assert.Equal(1, down.PrimitiveCalls);
        Assert.Equal("5/1", down.CallsText);
        // Counted once, the recursion's inclusive time is its own time (no callee below it).
        Assert.InRange(down.InclusiveNanoseconds, down.OwnNanoseconds, down.OwnNanoseconds * 11 / 10 + 100_000);
        Assert.InRange(F(profile, "Rec.Main").InclusiveNanoseconds, down.InclusiveNanoseconds, down.InclusiveNanoseconds * 2);
        var self = Assert.Single(profile.Timings!.Callers("Rec.Down"), e => e.Caller.Name == "Rec.Down");
        Assert.Equal(4, self.Calls);
        Assert.Equal(0, self.PrimitiveCalls);
    }

    [Fact]
    public void Own_time_follows_the_work_done()
    {
        // Spin runs until the same clock the recorder reads has moved on by its time, so each
        // call's own time is at least its spin however busy the machine is; a recorder that
        // charged a callee's time to its caller (or lost it) would fall below. No upper bound:
        // another process taking the CPU mid-call lengthens a call without changing the rule.
        var t = new TestTable("Ratio.Main", "Ratio.Light", "Ratio.Heavy");
        var profile = Record(() => t.In("Ratio.Main", () =>
        {
            for (int i = 0; i < 20; i++)
            {
                t.In("Ratio.Light", () => Spin(TimeSpan.FromMilliseconds(1)));
                t.In("Ratio.Heavy", () => Spin(TimeSpan.FromMilliseconds(3)));
            }
        }));

        string report = CallStatsReport.Render(profile, top: 3);
        var light = F(profile, "Ratio.Light");
        var heavy = F(profile, "Ratio.Heavy");
        var main = F(profile, "Ratio.Main");
        Assert.True(light.OwnNanoseconds >= 20 * Ms, report);
        Assert.True(heavy.OwnNanoseconds >= 60 * Ms, report);
        Assert.True(main.InclusiveNanoseconds >= heavy.OwnNanoseconds + light.OwnNanoseconds, report);
        // The callees' time is not the caller's own: what Main keeps is what is left of its inclusive time.
        Assert.True(main.OwnNanoseconds <= main.InclusiveNanoseconds - heavy.OwnNanoseconds - light.OwnNanoseconds, report);
    }

    private const long Ms = 1_000_000;

    [Fact]
    public void Edges_carry_the_calls_and_times_of_each_caller()
    {
        var t = new TestTable("Edge.Main", "Edge.A", "Edge.B", "Edge.Leaf");
        var profile = Record(() => t.In("Edge.Main", () =>
        {
            for (int i = 0; i < 3; i++)
                t.In("Edge.A", () => t.In("Edge.Leaf", () => Work(1)));
            for (int i = 0; i < 7; i++)
                t.In("Edge.B", () => t.In("Edge.Leaf", () => Work(1)));
        }));

        var callers = profile.Timings!.Callers("Edge.Leaf").ToDictionary(e => e.Caller.Name);
        Assert.Equal(3, callers["Edge.A"].Calls);
        Assert.Equal(7, callers["Edge.B"].Calls);
        Assert.All(callers.Values, e => Assert.True(e.InclusiveNanoseconds >= e.OwnNanoseconds && e.OwnNanoseconds > 0));
        Assert.Equal(10, F(profile, "Edge.Leaf").Calls);
        Assert.DoesNotContain(profile.Timings.Functions, f => f.Frame.Name.StartsWith("Exact.", StringComparison.Ordinal) && f.Calls == 0);
        Assert.Equal(new[] { "Edge.Leaf" }, profile.Timings.Callees("Edge.A").Select(e => e.Callee.Name));

        string text = CallStatsReport.RenderEdges(profile, "Edge.Leaf");
        Assert.Contains("was called by:", text);
        Assert.Contains("(Edge.B)", text);
    }

    [Fact]
    public void A_frame_that_throws_is_accounted_and_left()
    {
        var t = new TestTable("Throw.Main", "Throw.Fails", "Throw.After");
        var profile = Record(() => t.In("Throw.Main", () =>
        {
            for (int i = 0; i < 4; i++)
            {
                try
                {
                    t.In("Throw.Fails", () => throw new InvalidOperationException("boom"));
                }
                catch (InvalidOperationException)
                {
                }
                t.In("Throw.After", () => { });
            }
        }));

        Assert.Equal(4, F(profile, "Throw.Fails").Calls);
        // After was called from Main, not from inside the frame that threw.
        var after = Assert.Single(profile.Timings!.Callers("Throw.After"));
        Assert.Equal("Throw.Main", after.Caller.Name);
        Assert.Equal(4, after.Calls);
        Assert.Contains(profile.Stacks, s => string.Join(";", profile.FrameNames(s)) == "Throw.Main;Throw.After" || string.Join(";", profile.FrameNames(s)) == "Throw.Main");
        Assert.DoesNotContain(profile.Stacks, s => string.Join(";", profile.FrameNames(s)).Contains("Throw.Fails;Throw.After"));
    }

    [Fact]
    public void Paths_are_weighted_in_nanoseconds_for_the_flat_formats()
    {
        var t = new TestTable("Path.Main", "Path.Work");
        var profile = Record(() => t.In("Path.Main", () => t.In("Path.Work", () => Spin(TimeSpan.FromMilliseconds(5)))));

        Assert.Equal(ProfileMode.Deterministic, profile.Metadata.Mode);
        Assert.False(string.IsNullOrEmpty(profile.Metadata.Program)); // for titles
        var work = Assert.Single(profile.Stacks, s => string.Join(";", profile.FrameNames(s)) == "Path.Main;Path.Work");
        Assert.InRange(work.Samples, 4_000_000, 500_000_000);
        using var folded = new MemoryStream();
        new CollapsedWriter().Write(profile, folded);
        Assert.Contains($"Path.Main;Path.Work {work.Samples}", System.Text.Encoding.UTF8.GetString(folded.ToArray()));
    }

    [Fact]
    public void Calls_before_the_session_are_not_counted()
    {
        var t = new TestTable("Window.F");
        for (int i = 0; i < 50; i++)
            t.In("Window.F", () => { });
        var profile = Record(() =>
        {
            for (int i = 0; i < 7; i++)
                t.In("Window.F", () => { });
        });
        Assert.Equal(7, F(profile, "Window.F").Calls);
    }

    [Fact]
    public void Threads_are_merged_per_function_and_kept_apart_per_path()
    {
        var t = new TestTable("Threads.Work");
        var profile = Record(() =>
        {
            var threads = Enumerable.Range(0, 3).Select(_ => new Thread(() =>
            {
                for (int i = 0; i < 100; i++)
                    t.In("Threads.Work", () => { });
            })).ToList();
            threads.ForEach(th => th.Start());
            threads.ForEach(th => th.Join());
        });
        Assert.Equal(300, F(profile, "Threads.Work").Calls);
    }

    [Fact]
    public void The_text_report_is_a_pstats_table()
    {
        var t = new TestTable("Report.Main", "Report.Down");
        void Down(int depth)
        {
            if (depth > 0)
                t.In("Report.Down", () => Down(depth - 1));
        }
        var profile = Record(() => t.In("Report.Main", () => Down(3)));
        string text = TextReportWriter.Render(profile, top: 1000);

        Assert.Contains("ncalls    tottime    percall    cumtime    percall  filename:lineno(function)", text);
        Assert.Matches(@"(?m)^\s+3/1\s+\d+\.\d{6} .*/src/Test\.cs:2\(Report\.Down\)$", text);
        Assert.Contains("Ordered by: internal time", text);
        string byName = CallStatsReport.Render(profile, CallSort.Name, top: 1000);
        Assert.True(byName.IndexOf("(Report.Down)", StringComparison.Ordinal) < byName.IndexOf("(Report.Main)", StringComparison.Ordinal), byName);
        Assert.Contains("List reduced from", CallStatsReport.Render(profile, CallSort.Calls, top: 1));
    }

    [Fact]
    public void The_timeline_has_one_complete_event_per_call()
    {
        var t = new TestTable("Timeline.Main", "Timeline.Step");
        var profile = Record(() => t.In("Timeline.Main", () =>
        {
            for (int i = 0; i < 3; i++)
                t.In("Timeline.Step", () => Spin(TimeSpan.FromMilliseconds(1)));
        }));

        using var stream = new MemoryStream();
        new HybridProf.Formats.Timeline.TimelineWriter().Write(profile, stream);
        using var json = System.Text.Json.JsonDocument.Parse(stream.ToArray());
        var events = json.RootElement.GetProperty("traceEvents").EnumerateArray()
            .Where(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("name").GetString()!.StartsWith("Timeline.", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(3, events.Count(e => e.GetProperty("name").GetString() == "Timeline.Step"));
        var main = Assert.Single(events, e => e.GetProperty("name").GetString() == "Timeline.Main");
        foreach (var step in events.Where(e => e.GetProperty("name").GetString() == "Timeline.Step"))
        {
            Assert.InRange(step.GetProperty("ts").GetDouble(), main.GetProperty("ts").GetDouble(), main.GetProperty("ts").GetDouble() + main.GetProperty("dur").GetDouble());
            Assert.InRange(step.GetProperty("dur").GetDouble(), 900, 1e6);
        }
        Assert.Equal(ProfileFormat.Timeline, ProfileFormats.FromPath("run.trace.json"));
    }

    [Fact]
    public void A_truncated_timeline_says_so_in_the_trace_and_the_report()
    {
        var builder = new ProfileBuilder();
        int thread = builder.AddThread(new ProfileThread(1, "main"));
        int frame = builder.AddFrame(new Frame("Trunc.F", "/src/T.cs", 3));
        builder.AddStack(thread, new[] { frame }, 1000);
        var timings = new CallTimings(
            new[] { new FunctionTiming(new Frame("Trunc.F", "/src/T.cs", 3), 7, 7, 1000, 1000, 0, 0) },
            Array.Empty<CallEdge>(),
            new[] { new TimelineCall(thread, frame, 0, 1000, false) },
            droppedTimelineCalls: 6);
        var profile = builder.Build(new ProfileMetadata(ProfileMode.Deterministic, 0, TimeSpan.FromSeconds(1)), timings);

        using var stream = new MemoryStream();
        new HybridProf.Formats.Timeline.TimelineWriter().Write(profile, stream);
        string json = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("timeline truncated: 6 calls were not kept", json);
        Assert.Contains("the timeline is truncated: 6 calls were not kept", TextReportWriter.Render(profile));
    }

    private static readonly long s_workPerMillisecond = Calibrate();

    /// <summary>A fixed amount of CPU work, about <paramref name="milliseconds"/> ms on an idle core.</summary>
    internal static long Work(int milliseconds)
    {
        long acc = 0;
        for (long i = 0, n = milliseconds * s_workPerMillisecond; i < n; i++)
            acc = acc * 31 + i;
        return acc;
    }

    private static long Calibrate()
    {
        var watch = Stopwatch.StartNew();
        long acc = 0, i = 0;
        while (watch.ElapsedMilliseconds < 20)
        {
            for (int j = 0; j < 10_000; j++, i++)
                acc = acc * 31 + i;
        }
        GC.KeepAlive(acc);
        return Math.Max(1, i / watch.ElapsedMilliseconds);
    }

    /// <summary>Burns CPU for about <paramref name="time"/>: the tests compare times, never assert them absolutely.</summary>
    internal static void Spin(TimeSpan time)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < time)
        {
        }
    }
}
