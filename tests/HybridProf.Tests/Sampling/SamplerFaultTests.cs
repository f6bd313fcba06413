using HybridProf.Configuration;
using HybridProf.Model;
using HybridProf.Sampling;
using HybridProf.Tests.TestSupport;

namespace HybridProf.Tests.Sampling;

[Collection(SamplerFaultCollection.Name)]
public class SamplerFaultTests
{
    private static readonly TestTable Table = new("Tests.Fault.Busy");

    [Fact]
    public void A_fault_in_the_sampler_stops_profiling_with_a_message_and_keeps_what_was_sampled()
    {
        var messages = new List<string>();
        var previousSink = Diagnostics.Sink;
        Diagnostics.Sink = m => { lock (messages) messages.Add(m); };
        int ticks = 0;
        Sampler.BeforeTickForTests = () =>
        {
            if (Interlocked.Increment(ref ticks) == 30)
                throw new InvalidOperationException("injected");
        };
        using var stop = new CancellationTokenSource();
        long work = 0;
        var busy = new Thread(() => Table.In("Tests.Fault.Busy", () => { while (!stop.IsCancellationRequested) work++; }));
        try
        {
            busy.Start();
            var session = Profiler.Start(new ProfilerOptions { Mode = ProfileMode.Wall, RateHz = 200 });
            SpinWait.SpinUntil(() => Volatile.Read(ref ticks) >= 30, TimeSpan.FromSeconds(10));
            Thread.Sleep(50);
            long samplesAtFault = session.SampleCount;
            long before = Interlocked.Read(ref work);
            Thread.Sleep(200);
            Assert.True(Interlocked.Read(ref work) > before, "the app thread stopped working");

            var profile = session.Stop();
            Assert.Equal(samplesAtFault, profile.TotalSamples); // nothing sampled after the fault
            Assert.Equal(30, Volatile.Read(ref ticks));
            Assert.Contains(profile.Frames, f => f.Name == "Tests.Fault.Busy");
        }
        finally
        {
            Sampler.BeforeTickForTests = null;
            Diagnostics.Sink = previousSink;
            stop.Cancel();
            busy.Join();
        }
        lock (messages)
            Assert.Contains(messages, m => m.Contains("sampling stopped") && m.Contains("injected"));
    }
}

/// <summary>The fault hook is process-wide: no other sampler test may run beside this one.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SamplerFaultCollection
{
    public const string Name = "sampler fault injection";
}
