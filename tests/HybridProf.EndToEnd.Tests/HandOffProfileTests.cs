namespace HybridProf.EndToEnd.Tests;

/// <summary>
/// Work handed to another thread (Task.Run, Parallel, the thread pool, threads, timers, PLINQ)
/// is sampled under the logical stack of the code that handed it over, on whatever thread it runs.
/// </summary>
[Collection(PackedAppCollection.Name)]
public sealed class HandOffProfileTests(PackedApp app)
{
    private const string HandOffs = "E2eApp.HandOffs.";
    private const string Root = "E2eApp.Program.Main;E2eApp.HandOffs.Run;";

    private static readonly string[] Ways =
    {
        "TaskRun", "TaskRunFunc", "TaskRunAsync", "StartNew", "NewTask", "ParallelFor", "ParallelForEach",
        "ParallelInvoke", "ParallelForEachAsync", "QueueUserWorkItem", "UnsafeQueueUserWorkItem", "NewThread", "Timer", "Plinq",
    };

    [Fact]
    public void Work_handed_over_in_every_way_is_sampled_under_the_chain_of_the_code_that_handed_it_over()
    {
        string output = app.OutputPath("handoffs.collapsed");
        var run = app.Run("handoffs 5.6", ProfileContentTests.Env(output, ("HYBRIDPROF_RATE", "1000")));
        Assert.True(run.ExitCode == 0, run.Stderr);

        var profile = Collapsed.Read(output);
        long all = 0, underChain = 0;
        var report = new List<string>();
        foreach (string way in Ways)
        {
            var work = profile.Stacks.Where(s => s.Frames.Contains(HandOffs + "Work" + way)).ToList();
            long wayAll = work.Sum(s => s.Count);
            long wayUnder = work.Where(s => string.Join(";", s.Frames).StartsWith(Root + HandOffs + "Via" + way + ";", StringComparison.Ordinal)).Sum(s => s.Count);
            all += wayAll;
            underChain += wayUnder;
            double share = wayAll == 0 ? 0 : 100.0 * wayUnder / wayAll;
            report.Add($"{way}: {wayUnder}/{wayAll} ({share:0.0}%)");
            Assert.True(wayAll >= 50, $"{way}: only {wayAll} samples of its work; {string.Join(", ", report)}; stacks: {Stacks(work)}");
            Assert.True(share >= 90, $"{way}: {share:0.0}% of its work's samples under the hander's chain; stacks: {Stacks(work)}");
        }
        double total = 100.0 * underChain / all;
        Assert.True(total >= 95, $"{total:0.0}% of the handed-over work under the hander's chain: {string.Join(", ", report)}");
    }

    private static string Stacks(IEnumerable<(string[] Frames, long Count)> stacks) =>
        string.Join(" | ", stacks.OrderByDescending(s => s.Count).Take(8).Select(s => string.Join(";", s.Frames) + " " + s.Count));
}
