using System.Diagnostics.Tracing;
using HybridProf.Configuration;
using HybridProf.Model;
using HybridProf.Tests.TestSupport;

namespace HybridProf.Tests.Sampling;

/// <summary>
/// Once warmed up, the sampler thread calls nothing for the first time: no method is compiled
/// for it, and it never makes the runtime pause its tiering. A first call, on any thread, stops
/// the runtime from optimizing the app's hot methods for at least 100 ms, which made sampling at
/// 1 kHz cost a short call-heavy app up to ×2.7 (docs/benchmarks.md). Read from the runtime's
/// own events. (Its lookups of precompiled code, R2RGetEntryPoint, are listed to tell what made
/// the runtime pause, not counted: the runtime also reports one when it resolves a call site
/// again, for a method called long before.)
/// </summary>
[Collection(SpinningThreadsCollection.Name)]
public class SamplerFirstCallTests
{
    private static readonly TestTable Table = new("Tests.FirstCall.Spin", "Tests.FirstCall.Sleep");

    [Theory]
    [InlineData(ProfileMode.Cpu, 1000)]
    [InlineData(ProfileMode.Wall, 1000)]
    [InlineData(ProfileMode.Wall, 100)]
    public void After_its_warm_up_the_sampler_thread_calls_nothing_for_the_first_time(ProfileMode mode, int rateHz)
    {
        using var stop = new CancellationTokenSource();
        double Spin() => Table.In("Tests.FirstCall.Spin", () =>
        {
            double x = 0;
            while (!stop.IsCancellationRequested)
                x = Math.Sqrt(x + 1);
            return x;
        });
        var threads = new[] { new Thread(() => Spin()) { Name = "spinner" } };
        // Met only once counting has begun: a thread without a name (the others have names), whose
        // first sample names it "thread N", and the first thread the sampler finds blocked (in
        // wall mode it then asks whether the wait is counted elsewhere), as a long-running app's
        // first wait can come at any moment.
        var late = new[]
        {
            new Thread(() => Spin()),
            new Thread(() => Table.In("Tests.FirstCall.Sleep", () => stop.Token.WaitHandle.WaitOne())) { Name = "sleeper" },
        };
        using var listener = new FirstCallListener();
        foreach (var t in threads)
            t.Start();
        try
        {
            var session = Profiler.Start(new ProfilerOptions { Mode = mode, RateHz = rateHz });
            var sampler = session.Sampler!;
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!sampler.WarmedUp && DateTime.UtcNow < deadline)
                Thread.Sleep(5);
            // The first ticks meet the threads for the first time (their scheduler state files
            // open): counted from here on. Counts, not time: a slow machine only takes longer.
            // Long enough for the runtime to recompile what the tick calls most (after 30 calls).
            long ticks = 2 * rateHz;
            while (session.SampleCount < ticks / 10 && DateTime.UtcNow < deadline)
                Thread.Sleep(5);
            listener.StartCounting(sampler.KernelThreadId);
            foreach (var t in late)
                t.Start();
            long start = session.SampleCount;
            while (session.SampleCount < start + ticks && DateTime.UtcNow < deadline)
                Thread.Sleep(10);
            var firstCalls = listener.StopCounting();
            var profile = session.Stop();
            Assert.True(profile.TotalSamples >= ticks, $"{profile.TotalSamples} samples");
            Assert.True(!firstCalls.Any(c => !c.StartsWith("R2RGetEntryPoint", StringComparison.Ordinal)), $"{mode} mode at {rateHz} Hz: the sampler thread called for the first time: {string.Join(", ", firstCalls)}");
        }
        finally
        {
            stop.Cancel();
            foreach (var t in threads.Concat(late))
            {
                if (t.IsAlive)
                    t.Join();
            }
        }
    }

    /// <summary>Methods compiled (MethodLoadVerbose), tiering paused (TieredCompilationPause) and precompiled code looked up (R2RGetEntryPoint) on one OS thread.</summary>
    private sealed class FirstCallListener : EventListener
    {
        // JIT (0x10), TieredCompilation (0x1000000000), CompilationDiagnostic (0x2000000000).
        private const EventKeywords Keywords = (EventKeywords)0x3000000010;
        private readonly List<string> _calls = new();
        private long _thread = -1;

        public void StartCounting(int osThreadId)
        {
            lock (_calls)
            {
                _calls.Clear();
                _thread = osThreadId;
            }
        }

        public List<string> StopCounting()
        {
            lock (_calls)
            {
                _thread = -1;
                return _calls.ToList();
            }
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
                EnableEvents(source, EventLevel.Verbose, Keywords);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is not ("MethodLoadVerbose_V1" or "MethodLoadVerbose_V2" or "MethodLoadVerbose" or "TieredCompilationPause" or "R2RGetEntryPoint"))
                return;
            lock (_calls)
            {
                if (_thread <= 0 || e.OSThreadId != _thread)
                    return;
                string Payload(string name) => e.PayloadNames?.IndexOf(name) is int i and >= 0 ? e.Payload![i]?.ToString() ?? "" : "";
                _calls.Add($"{e.EventName} {Payload("MethodNamespace")}.{Payload("MethodName")}");
            }
        }
    }
}
