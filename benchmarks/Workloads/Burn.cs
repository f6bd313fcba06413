namespace Workloads;

/// <summary>A few CPU-heavy functions with known proportions (4:2:1), for the agreement test.</summary>
public static class Burn
{
    public static long Run(int rounds)
    {
        long total = 0;
        for (int i = 0; i < rounds; i++)
            total += Large(i) + Medium(i) + Small(i);
        return total;
    }

    private static long Large(int seed) => Work(seed, 400_000);

    private static long Medium(int seed) => Work(seed, 200_000);

    private static long Small(int seed) => Work(seed, 100_000);

    [HybridProf.NoProfile]
    private static long Work(int seed, int n)
    {
        long acc = seed;
        for (int i = 0; i < n; i++)
            acc = acc * 31 + i;
        return acc;
    }
}
