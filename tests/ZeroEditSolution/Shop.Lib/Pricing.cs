using System.Diagnostics;

namespace Shop.Lib;

/// <summary>CPU work for the profiler to find: a checksum over many rounds of mixing.</summary>
public static class Pricing
{
    /// <summary>Mixes rounds of prices until <paramref name="seconds"/> have passed.</summary>
    public static long ChecksumFor(double seconds)
    {
        var clock = Stopwatch.StartNew();
        long sum = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
            sum += Checksum(200);
        return sum;
    }

    public static long Checksum(int rounds)
    {
        long sum = 0;
        for (int round = 0; round < rounds; round++)
            sum += Mix(round);
        return sum;
    }

    private static long Mix(int seed)
    {
        long hash = seed;
        for (int i = 0; i < 2000; i++)
            hash = (hash * 31 + i) ^ (hash >> 7);
        return hash;
    }
}
