namespace HybridProf.EndToEnd.Tests;

/// <summary>
/// The comparison command on a workload of three CPU-heavy functions (4:2:1): every function's
/// sampled share (1 kHz, cpu mode) has a 95% interval that holds its deterministic share, or
/// misses it by at most one point. Builds and runs benchmarks/HybridProf.Compare.
/// </summary>
public sealed class ComparisonTests
{
    [Fact]
    public void Sampled_shares_agree_with_deterministic_shares_on_cpu_heavy_functions()
    {
        string project = Path.Combine(PackedApp.RepositoryRoot, "benchmarks", "HybridProf.Compare");
        var run = ProcessRunner.Run("dotnet", $"run -c Release --project \"{project}\" -- burn 2 --check", PackedApp.RepositoryRoot, timeout: TimeSpan.FromMinutes(10));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("Workloads.Burn.Large", run.Stdout);
        Assert.Contains("Workloads.Burn.Small", run.Stdout);
    }
}
