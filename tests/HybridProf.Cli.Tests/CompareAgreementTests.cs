using System.Text.RegularExpressions;
using HybridProf.EndToEnd.Tests;
using Xunit.Abstractions;

namespace HybridProf.Cli.Tests;

/// <summary>
/// The agreement test: on the burn workload (three CPU-heavy functions, 4:2:1, about a second a
/// run) every sampled own-time share's 95% interval holds the deterministic share or misses it by
/// at most one point. Three rounds at 1 kHz give about 3,000 samples: intervals of about ±1.8
/// points around the largest share, so a miss by more than one point beyond one is a bias, not luck.
/// </summary>
[Collection(QuietMachineCollection.Name)]
public sealed class CompareAgreementTests(ITestOutputHelper output)
{
    [Fact]
    public void Sampled_shares_of_the_burn_workload_agree_with_the_deterministic_shares()
    {
        string woven = Cli.ProgramPath("Workloads");
        string plain = Cli.ProgramPath("Workloads.Plain");
        var run = Cli.RunAlone($"compare --rounds 3 --rate 1000 --check --plain \"dotnet '{plain}' burn\" -- dotnet \"{woven}\" burn", TimeSpan.FromMinutes(5));
        output.WriteLine(run.Stdout + run.Stderr);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("medians of the elapsed_ms= the program prints", run.Stdout);
        foreach (string mode in new[] { "plain", "woven, not profiling", "sampling 100 Hz", "sampling 1000 Hz", "deterministic" })
            Assert.Matches(new Regex($@"^  {Regex.Escape(mode)} +\d+\.\d ms   x\d+\.\d{{3}}   \(runs: \d+, \d+, \d+\)$", RegexOptions.Multiline), run.Stdout);
        Assert.Contains("  sampled %   95% CI           determ. %   diff    function", run.Stdout);
        foreach (string function in new[] { "Large", "Medium", "Small" })
            Assert.Matches(new Regex($@"^ +\d+\.\d\d  \[ *\d+\.\d\d, +\d+\.\d\d\] +\d+\.\d\d +[+-]\d+\.\d\d    Workloads\.Burn\.{function}$", RegexOptions.Multiline), run.Stdout);
        Assert.Matches(@"top-\d+ agreement: \d+/\d+ in both tops, Kendall tau", run.Stdout);
        Assert.Contains("check passed", run.Stdout);
    }
}
