namespace Workloads;

/// <summary>Async fan-out: each round starts shards that yield to the pool and hash data there (CPU at the leaves).</summary>
public static class FanOut
{
    public static async Task<long> Run(int rounds)
    {
        long total = 0;
        for (int i = 0; i < rounds; i++)
            total += await Round(i);
        return total;
    }

    private static async Task<long> Round(int seed)
    {
        var shards = new Task<long>[8];
        for (int s = 0; s < shards.Length; s++)
            shards[s] = Shard(seed * 31 + s);
        long sum = 0;
        foreach (long value in await Task.WhenAll(shards))
            sum += value;
        return sum;
    }

    private static async Task<long> Shard(int seed)
    {
        await Task.Yield();
        long hash = Hash(seed, 60_000);
        await Task.Yield();
        return hash + Checksum(seed, 20_000);
    }

    private static long Hash(int seed, int rounds)
    {
        ulong h = 14695981039346656037UL ^ (ulong)seed;
        for (int i = 0; i < rounds; i++)
            h = (h ^ (ulong)i) * 1099511628211UL;
        return (long)h;
    }

    private static long Checksum(int seed, int rounds)
    {
        long sum = seed;
        for (int i = 0; i < rounds; i++)
            sum = sum * 7 + i;
        return sum;
    }
}
