using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPipeline;

// The pipeline's stages, in a file of their own so that benchmarks/Workloads runs the very
// same code (without the waits) in its `pipeline` workload.
public static partial class Program
{
    /// <summary>Simulates I/O: waits, then returns <paramref name="count"/> records.</summary>
    public static List<Record> FetchData(int count, int waitMilliseconds)
    {
        if (waitMilliseconds > 0)
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
}

/// <summary>One fetched record.</summary>
public sealed record Record(int Id, int Value);

/// <summary>Source-generated serializer: no reflection, so the sample also runs under NativeAOT.</summary>
[JsonSerializable(typeof(Record))]
internal sealed partial class PipelineJson : JsonSerializerContext;
