using HybridProf.Sampling;
using HybridProf.Tests.TestSupport;

namespace HybridProf.Tests.Sampling;

public class ThreadRegistryTests
{
    private static readonly TestTable Table = new("Tests.Registry.Work");

    [Fact]
    public void Short_lived_threads_are_forgotten()
    {
        var threads = Enumerable.Range(0, 500).Select(_ => new Thread(() => Table.In("Tests.Registry.Work", () => { }))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        ThreadRegistry.Purge();
        Assert.DoesNotContain(ThreadRegistry.Snapshot(), s => threads.Contains(s.Owner));
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
