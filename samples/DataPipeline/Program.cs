using System.Globalization;

[assembly: HybridProf.Profile]

namespace DataPipeline;

/// <summary>
/// Fetches records (an I/O wait), serializes each to JSON (the CPU hot spot) and sums
/// their ids, for a number of iterations. Its wall-mode flamegraph shows the wait under
/// FetchData; its cpu-mode flamegraph is dominated by ParseJson.
/// Usage: DataPipeline [iterations=10] [records=500000] [fetchMilliseconds=100]
/// </summary>
public static partial class Program
{
    public static int Main(string[] args)
    {
        int iterations = Argument(args, 0, 10);
        int records = Argument(args, 1, 500_000);
        int fetchMilliseconds = Argument(args, 2, 100);

        long total = 0;
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            Console.WriteLine($"Iteration {iteration}...");
            var data = FetchData(records, fetchMilliseconds);
            var json = ParseJson(data);
            total += Aggregate(data) + json.Count;
        }
        Console.WriteLine($"Done: {total}");
        return 0;
    }

    private static int Argument(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : fallback;
}
