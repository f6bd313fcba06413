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

    [Fact]
    public void Wall_mode_counts_the_wait_for_handed_over_work_once_under_the_waiting_method()
    {
        string output = app.OutputPath("handoffwait.collapsed");
        var run = app.Run("handoffwait 3", ProfileContentTests.Env(output, ("HYBRIDPROF_MODE", "wall")));
        Assert.True(run.ExitCode == 0, run.Stderr);

        var profile = Collapsed.Read(output);
        const string Waits = "E2eApp.Program.Main;E2eApp.HandOffs.Waits;";
        long Count(string stack) => profile.Stacks.Where(s => string.Join(";", s.Frames) == stack).Sum(s => s.Count);
        long Under(string hander, string work) => profile.Stacks
            .Where(s => s.Frames[^1] == work && string.Join(";", s.Frames).StartsWith(Waits + hander + ";", StringComparison.Ordinal))
            .Sum(s => s.Count);
        string all = Stacks(profile.Stacks);

        // `await Task.Run(...)`: the work under the awaiting method; its [await] only in the
        // moments before the work starts and after it ends.
        long awaited = Under("E2eApp.HandOffs.AwaitHanded", "E2eApp.HandOffs.WorkAwaited");
        long awaitWait = Count(Waits + "E2eApp.HandOffs.AwaitHanded;[await]");
        Assert.True(awaited >= 100, $"only {awaited} samples of the awaited work under AwaitHanded; stacks: {all}");
        Assert.True(awaitWait * 20 <= awaited, $"AwaitHanded's wait counted beside its work: {awaitWait} [await] against {awaited}; stacks: {all}");

        // `.Wait()` on a handed-over task: the work under the blocked method, not its [blocked] as well.
        long blockedOn = Under("E2eApp.HandOffs.BlockOnHanded", "E2eApp.HandOffs.WorkBlockedOn");
        long blockedWait = Count(Waits + "E2eApp.HandOffs.BlockOnHanded;[blocked]");
        Assert.True(blockedOn >= 100, $"only {blockedOn} samples of the waited-for work under BlockOnHanded; stacks: {all}");
        Assert.True(blockedWait * 20 <= blockedOn, $"BlockOnHanded's wait counted beside its work: {blockedWait} [blocked] against {blockedOn}; stacks: {all}");

        // Main blocking on AwaitHanded's task (sync over async) is that operation's wait too.
        long mainBlocked = Count(Waits + "[blocked]");
        Assert.True(mainBlocked * 20 <= awaited, $"Waits blocked on AwaitHanded's task counted beside the work: {mainBlocked} [blocked] against {awaited}; stacks: {all}");

        // Nothing counted twice: the samples add up to about the run's wall time on one thread.
        long total = profile.Total;
        Assert.True(total <= (awaited + blockedOn) * 1.2, $"{total} samples for {awaited + blockedOn} of work; stacks: {all}");
    }

    private static string Stacks(IEnumerable<(string[] Frames, long Count)> stacks) =>
        string.Join(" | ", stacks.OrderByDescending(s => s.Count).Take(8).Select(s => string.Join(";", s.Frames) + " " + s.Count));
}
