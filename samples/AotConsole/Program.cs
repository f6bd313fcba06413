using System.Globalization;

[assembly: HybridProf.Profile]

namespace AotConsole;

/// <summary>
/// A NativeAOT program (no JIT, no EventPipe, no diagnostics port): HybridProf's markers are
/// compiled in, so the environment variables profile it like any other app.
/// Counts primes below N with a sieve and by trial division, so the flamegraph has two
/// very different costs to compare.
/// Usage: AotConsole [limit=20000000] [rounds=5]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        int limit = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000_000;
        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        for (int round = 0; round < rounds; round++)
            Console.WriteLine($"round {round}: sieve {Sieve(limit)}, trial division {TrialDivision(limit / 10)}");
        return 0;
    }

    public static int Sieve(int limit)
    {
        var composite = new bool[limit + 1];
        int count = 0;
        for (int i = 2; i <= limit; i++)
        {
            if (composite[i])
                continue;
            count++;
            for (long j = (long)i * i; j <= limit; j += i)
                composite[j] = true;
        }
        return count;
    }

    public static int TrialDivision(int limit)
    {
        int count = 0;
        for (int n = 2; n <= limit; n++)
        {
            if (IsPrime(n))
                count++;
        }
        return count;
    }

    public static bool IsPrime(int n)
    {
        for (int d = 2; (long)d * d <= n; d++)
        {
            if (n % d == 0)
                return false;
        }
        return true;
    }
}
