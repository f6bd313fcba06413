using Xunit;

[assembly: HybridProf.Profile]

namespace SuiteUnderTest;

/// <summary>
/// Tests that keep the test host busy in instrumented code until the last one ends, so the
/// host has a large profile to write at the moment the runner starts its short wait for it.
/// </summary>
public class BurnTests
{
    public static IEnumerable<object[]> Cases() => Enumerable.Range(0, 40).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Burns(int seed) => Assert.NotEqual(-1, Burner.Spin(seed, TimeSpan.FromMilliseconds(60)));
}

public static class Burner
{
    public static long Spin(int seed, TimeSpan length)
    {
        long sum = seed;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < length)
            sum += Branch(seed++ % 4, sum);
        return sum;
    }

    // Several call paths, as real code has, so the profile is more than one stack.
    private static long Branch(int which, long x) => which switch
    {
        0 => Mix(x, 3),
        1 => Mix(Mix(x, 5), 7),
        2 => Fold(x),
        _ => Fold(Mix(x, 11)),
    };

    private static long Mix(long x, int rounds)
    {
        for (int i = 0; i < rounds * 50; i++)
            x = x * 31 + i;
        return x;
    }

    private static long Fold(long x) => Mix(x, 2) ^ Mix(x >> 3, 2);
}

/// <summary>
/// A host that works on at exit for longer than the runner waits for it (as one flushing logs
/// or disposing fixtures does), when <c>SUITE_SLOW_SHUTDOWN=1</c>: the runner kills it mid-exit.
/// </summary>
public class SlowShutdown
{
    [Fact]
    public void Registers_a_slow_exit_handler()
    {
        if (Environment.GetEnvironmentVariable("SUITE_SLOW_SHUTDOWN") == "1")
            System.Runtime.Loader.AssemblyLoadContext.Default.Unloading += _ => Thread.Sleep(TimeSpan.FromSeconds(3));
    }
}
