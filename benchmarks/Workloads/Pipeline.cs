using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workloads;

/// <summary>The DataPipeline sample without its sleeps: build records, serialize each to JSON, sum.</summary>
public static class Pipeline
{
    public static long Run(int iterations)
    {
        long total = 0;
        for (int i = 0; i < iterations; i++)
        {
            var data = FetchData(200_000);
            var json = ParseJson(data);
            total += Aggregate(data) + json.Count;
        }
        return total;
    }

    public static List<Record> FetchData(int count)
    {
        var data = new List<Record>(count);
        for (int i = 0; i < count; i++)
            data.Add(new Record(i, i * 2));
        return data;
    }

    public static List<string> ParseJson(List<Record> data)
    {
        var json = new List<string>(data.Count);
        foreach (var record in data)
            json.Add(JsonSerializer.Serialize(record, PipelineJson.Default.Record));
        return json;
    }

    public static long Aggregate(List<Record> data)
    {
        long total = 0;
        foreach (var record in data)
            total += record.Id;
        return total;
    }
}

public sealed record Record(int Id, int Value);

[JsonSerializable(typeof(Record))]
internal sealed partial class PipelineJson : JsonSerializerContext;
