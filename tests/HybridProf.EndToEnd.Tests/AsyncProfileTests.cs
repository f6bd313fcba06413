namespace HybridProf.EndToEnd.Tests;

[Collection(PackedAppCollection.Name)]
public sealed class AsyncProfileTests(PackedApp app)
{
    private const string Chain = "E2eApp.Program.Main;E2eApp.AsyncWork.Run;E2eApp.AsyncWork.Handle;E2eApp.AsyncWork.Load;E2eApp.AsyncWork.Parse";

    [Fact]
    public void Cpu_work_in_continuations_is_sampled_under_the_full_chain_of_async_callers()
    {
        string output = app.OutputPath("async.collapsed");
        var run = app.Run("async 3", ProfileContentTests.Env(output, ("HYBRIDPROF_RATE", "1000")));
        Assert.True(run.ExitCode == 0, run.Stderr);

        var profile = Collapsed.Read(output);
        var parse = profile.Stacks.Where(s => s.Frames[^1] == "E2eApp.AsyncWork.Parse").ToList();
        long all = parse.Sum(s => s.Count);
        long underChain = parse.Where(s => string.Join(";", s.Frames) == Chain).Sum(s => s.Count);
        Assert.True(all > 500, $"only {all} samples in Parse");
        double share = 100.0 * underChain / all;
        Assert.True(share >= 99, $"{share:0.0}% of Parse's samples under the full chain; stacks: {string.Join(" | ", parse.Select(s => string.Join(";", s.Frames) + " " + s.Count))}");
    }

    [Fact]
    public void Wall_mode_samples_an_awaiting_method_under_its_own_chain_with_the_await_marker()
    {
        string output = app.OutputPath("asyncwait.collapsed");
        var run = app.Run("asyncwait 2", ProfileContentTests.Env(output, ("HYBRIDPROF_MODE", "wall")));
        Assert.True(run.ExitCode == 0, run.Stderr);

        var profile = Collapsed.Read(output);
        long waiting = profile.Stacks
            .Where(s => string.Join(";", s.Frames) == "E2eApp.Program.Main;E2eApp.AsyncWork.Sleepy;E2eApp.AsyncWork.DelayLeaf;[await]")
            .Sum(s => s.Count);
        Assert.True(waiting > 100, $"only {waiting} await samples; stacks: {string.Join(" | ", profile.Stacks.Select(s => string.Join(";", s.Frames) + " " + s.Count))}");
        // The parent is not counted beside the child it awaits (that would give it about as many
        // samples as DelayLeaf). It may be counted alone in the short window after DelayLeaf
        // completes and before Sleepy's continuation runs: Sleepy really is waiting then (one
        // sample in about 200 was seen), so a few are right and many are a bug.
        long parent = profile.Stacks
            .Where(s => string.Join(";", s.Frames) == "E2eApp.Program.Main;E2eApp.AsyncWork.Sleepy;[await]")
            .Sum(s => s.Count);
        Assert.True(parent * 20 <= waiting, $"Sleepy has {parent} await samples of its own beside DelayLeaf's {waiting}");
    }
}
