using System.Text.RegularExpressions;

namespace HybridProf.EndToEnd.Tests;

/// <summary>The packed app run with <c>HYBRIDPROF_MODE=deterministic</c>: exact counts in the pstats report, nanosecond weights in the folded stacks.</summary>
[Collection(PackedAppCollection.Name)]
public sealed class DeterministicModeTests(PackedApp app)
{
    [Fact]
    public void The_text_report_counts_every_call()
    {
        string output = app.OutputPath("calls.txt");
        var run = app.Run("calls 1", ProfileContentTests.Env(output, ("HYBRIDPROF_MODE", "deterministic")));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains(run.StderrLines, l => l.StartsWith("HybridProf: wrote " + output, StringComparison.Ordinal) && l.Contains("deterministic mode"));

        string text = File.ReadAllText(output);
        Assert.Contains("ncalls    tottime    percall    cumtime    percall  filename:lineno(function)", text);
        Assert.Equal("1000", Calls(text, "E2eApp.Counted.F"));
        Assert.Equal("10", Calls(text, "E2eApp.Counted.G"));
        Assert.Equal("5/1", Calls(text, "E2eApp.Counted.Recurse"));
        Assert.Equal("1", Calls(text, "E2eApp.Program.Main"));
        // The app's other one-line methods are folded into their callers, and the report says so.
        Assert.Matches(@"(?m)^Folded: \d+ small instrumented methods? ha(s|ve) no frame of (its|their) own", text);
    }

    [Fact]
    public void Folded_stacks_weigh_own_time_in_nanoseconds()
    {
        string output = app.OutputPath("calls.collapsed");
        var run = app.Run("calls 1", ProfileContentTests.Env(output, ("HYBRIDPROF_MODE", "deterministic")));
        Assert.True(run.ExitCode == 0, run.Stderr);

        var profile = Collapsed.Read(output);
        long heavy = profile.OwnSamples("Counted.ThreeUnits");
        long light = profile.OwnSamples("Counted.OneUnit");
        // About 1 s of work, in nanoseconds, split about 3:1 (a generous band: elapsed time on a busy machine).
        Assert.InRange(heavy + light, 700_000_000, 5_000_000_000);
        Assert.InRange((double)heavy / light, 2.0, 4.5);
        Assert.Contains(profile.Stacks, s => string.Join(";", s.Frames) == "E2eApp.Program.Main;E2eApp.Counted.Run;E2eApp.Counted.Recurse;E2eApp.Counted.Recurse;E2eApp.Counted.Recurse;E2eApp.Counted.Recurse;E2eApp.Counted.Recurse");
    }

    // The ncalls column of the function's row: "   1000   0.000012 ... /path/Program.cs:12(E2eApp.Counted.F)".
    private static string Calls(string report, string function)
    {
        var match = Regex.Match(report, @"(?m)^\s*(\S+)\s.*\(" + Regex.Escape(function) + @"\)$");
        Assert.True(match.Success, $"{function} is not in the report:\n{report}");
        return match.Groups[1].Value;
    }
}
