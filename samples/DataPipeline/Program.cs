using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

[assembly: HybridProf.Profile]

namespace DataPipeline;

/// <summary>
/// Fetches records (an I/O wait), serializes each to JSON (the CPU hot spot) and sums
/// their ids, for a number of iterations. Its wall-mode flamegraph shows the wait under
/// FetchData; its cpu-mode flamegraph is dominated by ParseJson.
/// Usage: DataPipeline [iterations=10] [records=500000] [fetchMilliseconds=100]
/// </summary>
public static class Program
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

    /// <summary>Simulates I/O: waits, then returns <paramref name="count"/> records.</summary>
    public static List<Record> FetchData(int count, int waitMilliseconds)
    {
        Thread.Sleep(waitMilliseconds);
        var data = new List<Record>(count);
        for (int i = 0; i < count; i++)
            data.Add(new Record(i, i * 2));
        return data;
    }

    /// <summary>Serializes every record to JSON.</summary>
    public static List<string> ParseJson(List<Record> data)
    {
        var json = new List<string>(data.Count);
        foreach (var record in data)
            json.Add(JsonSerializer.Serialize(record, PipelineJson.Default.Record));
        return json;
    }

    /// <summary>Sums the ids of all records.</summary>
    public static long Aggregate(List<Record> data)
    {
        long total = 0;
        foreach (var record in data)
            total += record.Id;
        return total;
    }

    private static int Argument(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : fallback;
}

/// <summary>One fetched record.</summary>
public sealed record Record(int Id, int Value);

/// <summary>Source-generated serializer: no reflection, so the sample also runs under NativeAOT.</summary>
[JsonSerializable(typeof(Record))]
internal sealed partial class PipelineJson : JsonSerializerContext;
