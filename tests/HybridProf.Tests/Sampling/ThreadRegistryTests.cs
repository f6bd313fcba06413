using HybridProf.Platform;
using HybridProf.Sampling;
using HybridProf.Tests.TestSupport;

namespace HybridProf.Tests.Sampling;

public class ThreadRegistryTests
{
    private static readonly TestTable Table = new("Tests.Registry.Work");

    [Fact]
    public void Ten_thousand_short_lived_threads_leave_nothing_behind()
    {
        var seen = new HashSet<Thread>();
        int peak = 0;
        // In batches of 100, as a server's bursts would come: the registry drops dead threads
        // whenever a new one registers, so it never holds more than the live ones and a batch.
        for (int batch = 0; batch < 100; batch++)
        {
            var threads = Enumerable.Range(0, 100).Select(_ => new Thread(() => Table.In("Tests.Registry.Work", () => { }))).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            seen.UnionWith(threads);
            peak = Math.Max(peak, ThreadRegistry.Snapshot().Length);
        }
        ThreadRegistry.Purge();
        Assert.DoesNotContain(ThreadRegistry.Snapshot(), s => seen.Contains(s.Owner));
        Assert.True(peak < 1000, $"the registry held {peak} threads at once");
    }

    [Fact]
    public void Cpu_clock_of_a_thread_advances_while_it_runs()
    {
        var clock = ThreadCpuClock.ForCurrentThread();
        Assert.True(clock.IsAvailable, "Linux threads have CPU clocks");
        Assert.True(clock.TryRead(out long before));
        double x = 0;
        for (int i = 0; i < 5_000_000; i++)
            x = Math.Sqrt(x + i);
        Assert.True(clock.TryRead(out long after));
        Assert.True(after > before, $"CPU clock did not advance ({before} → {after}, {x})");
    }
}
