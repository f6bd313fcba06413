using HybridProf.Cli.Compare;
using HybridProf.Cli.Truth;
using HybridProf.Model;

namespace HybridProf.Cli.Tests.Truth;

public class TruthComparisonTests
{
    private const string Main = "App.Plain!App.Program.Main(class System.String[])";
    private const string Parse = "App.Plain!App.Parser.Parse()";
    private const string Peek = "App.Plain!App.Parser.Peek()";
    private const string Render = "App.Plain!App.Renderer.Render()";
    private const string Concat = "System.Private.CoreLib!System.String.Concat(class System.String,class System.String)";

    private static Profile Woven(long parse, long render, long main = 0, long gc = 0, long blocked = 0)
    {
        var builder = new ProfileBuilder();
        var thread = new ProfileThread(1, "main");
        builder.AddStack(thread, [new Frame("App.Program.Main"), new Frame("App.Parser.Parse")], parse);
        builder.AddStack(thread, [new Frame("App.Program.Main"), new Frame("App.Renderer.Render")], render);
        if (main > 0)
            builder.AddStack(thread, [new Frame("App.Program.Main")], main);
        if (gc > 0)
            builder.AddStack(thread, [Frame.GarbageCollection], gc);
        if (blocked > 0)
            builder.AddStack(thread, [new Frame("App.Program.Main"), Frame.Blocked], blocked);
        return builder.Build(new ProfileMetadata(ProfileMode.Cpu, 1000, TimeSpan.FromSeconds(1), FoldedMethods: 3));
    }

    private static TraceStack Running(string thread, double ms, params string[] frames) => new(thread, ["Threads", thread, .. frames], "CPU_TIME", ms);

    [Fact]
    public void Shares_are_of_the_running_samples_of_the_threads_that_run_code_the_woven_profile_shows()
    {
        var plain = new PlainTrace(
        [
            Running("Thread (1)", 600, Main, Parse, Peek),                       // Peek is folded: its time is Parse's
            Running("Thread (1)", 150, Main, Parse, Concat),                     // so is the BCL's
            Running("Thread (1)", 250, Main, Render),
            new TraceStack("Thread (1)", ["Threads", "Thread (1)", Main, Render], "UNMANAGED_CODE_TIME", 400),  // not running code
            Running("Thread (1)", 20, "System.Private.CoreLib!System.AppContext.Setup()"),                       // start-up: no woven frame
            new TraceStack("Thread (9)", ["Threads", "Thread (9)", "System.Private.CoreLib!System.Threading.PortableThreadPool+WorkerThread.WorkerThreadStart()"], "UNMANAGED_CODE_TIME", 5000),
            Running("Thread (9)", 30, "System.Private.CoreLib!System.Threading.TimerQueue.FireNextTimers()"),
        ], "ms", 1.0, "test");

        var report = TruthComparison.Compare(plain, Woven(parse: 700, render: 300), top: 10);

        var parse = Assert.Single(report.Rows, r => r.Function == "App.Parser.Parse");
        Assert.Equal(75, parse.PlainPercent, 6);
        Assert.Equal(70, parse.WovenPercent, 6);
        Assert.Equal(-5, parse.Difference, 6);
        var (low, high) = ShareComparison.Wilson(750, 1000);
        Assert.Equal(100 * low, parse.PlainLow, 6);
        Assert.Equal(100 * high, parse.PlainHigh, 6);
        Assert.Equal(25, Assert.Single(report.Rows, r => r.Function == "App.Renderer.Render").PlainPercent, 6);
        Assert.DoesNotContain(report.Rows, r => r.Function == "App.Program.Main");

        Assert.Equal(["Thread (1)"], report.Plain.Threads);
        Assert.Equal(1000, report.Plain.Compared, 6);
        Assert.Equal(1000, report.Plain.Readings, 6);
        Assert.Equal(400, report.Plain.NotRunning["UNMANAGED_CODE_TIME"], 6);
        Assert.Equal(20, report.Plain.NoFrame, 6);
        Assert.Equal(1, report.Plain.OtherThreads);
        Assert.Equal(5030, report.Plain.OtherThreadsWeight, 6);
        Assert.Equal([Peek, Concat], report.Plain.FoldedLeaves.Select(l => l.Frame));
        Assert.Equal(60, report.Plain.FoldedLeaves[0].Percent, 6);
        Assert.Equal(15, report.Plain.FoldedLeaves[1].Percent, 6);
        Assert.Equal(3, report.Woven.FoldedMethods);
    }

    [Fact]
    public void The_plain_intervals_count_readings_of_the_samplers_interval_not_milliseconds()
    {
        var plain = new PlainTrace([Running("t", 300, Main, Parse), Running("t", 100, Main, Render)], "ms", 2.0, "test");
        var report = TruthComparison.Compare(plain, Woven(3, 1), top: 10);
        var parse = Assert.Single(report.Rows, r => r.Function == "App.Parser.Parse");
        var (low, high) = ShareComparison.Wilson(150, 200);
        Assert.Equal(200, report.Plain.Readings, 6);
        Assert.Equal(100 * low, parse.PlainLow, 6);
        Assert.Equal(100 * high, parse.PlainHigh, 6);
    }

    [Fact]
    public void Woven_gc_is_set_apart_and_waiting_samples_are_left_out()
    {
        var plain = new PlainTrace([Running("t", 50, Main, Parse), Running("t", 50, Main, Render)], "ms", 1.0, "test");
        var report = TruthComparison.Compare(plain, Woven(parse: 40, render: 40, main: 20, gc: 25, blocked: 500), top: 10);
        Assert.Equal(100, report.Woven.Samples);
        Assert.Equal(25, report.Woven.GcSamples);
        Assert.Equal(20, report.Woven.GcPercent, 6);
        Assert.Equal(40, Assert.Single(report.Rows, r => r.Function == "App.Parser.Parse").WovenPercent, 6);
        Assert.DoesNotContain(report.Rows, r => r.Function.StartsWith('['));
    }

    [Fact]
    public void A_woven_function_the_plain_stacks_never_show_is_marked()
    {
        // The plain build's JIT inlined Render into Main: its time is Main's there.
        var plain = new PlainTrace([Running("t", 60, Main, Parse), Running("t", 40, Main)], "ms", 1.0, "test");
        var report = TruthComparison.Compare(plain, Woven(parse: 60, render: 40), top: 10);
        var render = Assert.Single(report.Rows, r => r.Function == "App.Renderer.Render");
        Assert.False(render.OnPlainStacks);
        Assert.Equal(40, render.Difference, 6);
        Assert.True(Assert.Single(report.Rows, r => r.Function == "App.Program.Main").OnPlainStacks);
    }

    [Fact]
    public void The_folded_plain_trace_is_a_profile_of_the_woven_frames_whose_times_read_true()
    {
        var plain = new PlainTrace([Running("Thread (1)", 600, Main, Parse, Peek), Running("Thread (1)", 400, Main, Render)], "ms", 1.0, "test");
        var folded = TruthComparison.Compare(plain, Woven(1, 1), top: 10).FoldedPlain;
        Assert.Equal(1_000_000, folded.Metadata.RateHz);
        Assert.Equal(1_000_000, folded.TotalSamples);
        Assert.Equal(["App.Program.Main;App.Parser.Parse", "App.Program.Main;App.Renderer.Render"],
            folded.Stacks.Select(s => string.Join(";", folded.FrameNames(s))));
    }

    [Fact]
    public void Every_row_over_the_threshold_is_listed_however_far_down_the_order()
    {
        var plain = new PlainTrace([Running("t", 900, Main, Parse), Running("t", 100, Main, Render)], "ms", 1.0, "test");
        var report = TruthComparison.Compare(plain, Woven(parse: 850, render: 50, main: 100), top: 1, threshold: 3);
        Assert.Equal(["App.Parser.Parse", "App.Renderer.Render", "App.Program.Main"], report.Listed.Select(r => r.Function));
        var within = TruthComparison.Compare(plain, Woven(parse: 850, render: 50, main: 100), top: 1, threshold: 20);
        Assert.Equal(["App.Parser.Parse"], within.Listed.Select(r => r.Function));
    }
}
