
namespace Workloads;

/// <summary>The DataPipeline sample without its waits: its own stages (compiled in from the sample), 200,000 records an iteration.</summary>
public static class Pipeline
{
    public static long Run(int iterations)
    {
        long total = 0;
        for (int i = 0; i < iterations; i++)
        {
            var data = DataPipeline.Program.FetchData(200_000, waitMilliseconds: 0);
            var json = DataPipeline.Program.ParseJson(data);
            total += DataPipeline.Program.Aggregate(data) + json.Count;
        }
        return total;
    }
}
