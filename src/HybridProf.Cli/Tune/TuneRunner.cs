using HybridProf.Cli.Commands;
using HybridProf.Cli.Compare;
using HybridProf.Formats;

namespace HybridProf.Cli.Tune;

/// <summary>
/// <c>hybridprof tune</c>: time the woven app (and the plain one), count its calls in one
/// deterministic run, choose what to leave out, write the list; with <c>--build</c>, rebuild
/// and time it again. Every run goes through compare's <see cref="RoundRunner"/>.
/// </summary>
internal static class TuneRunner
{
    private const string NothingTuned = "nothing tuned";

    public static int Run(TuneSettings settings, TextWriter output)
    {
        // Before minutes of runs: a file that is not a tune list, or that cannot be written, is refused now.
        var list = TuneListFile.Load(settings.ListPath);
        TuneListWriter.CheckWritable(settings.ListPath);
        var (calibratedNanoseconds, calibrationRounds) = MarkerCalibration.Measure();

        var woven = new RunMode("woven, not profiling", settings.Command, null, null);
        var plain = settings.Plain is { } plainCommand ? new RunMode("plain", plainCommand, null, null) : null;
        var (before, failed) = new RoundRunner(plain is null ? [woven] : [woven, plain], settings.Rounds, null, NothingTuned).Run();
        if (before is null)
            return failed;
        var (counts, countFailed) = Count(settings.Command);
        if (counts is null)
            return countFailed;

        var times = RunTimes.For(before.Values.SelectMany(runs => runs));
        double wovenMs = times.Median(before[woven]);
        double? plainMs = plain is null ? null : times.Median(before[plain]);
        var scope = TuneScope.Of(counts, TuneListWriter.FolderOf(settings.ListPath));
        if (scope.Functions.Count == 0)
            throw new UsageException($"no function of the run has its source under {scope.Folder}, the tune list's folder, so the list could leave nothing out; " +
                "write it into the app's project folder (-o PROJECT/hybridprof-tune.txt). Nothing written.");
        var marker = MarkerCost.Choose(calibratedNanoseconds, calibrationRounds, wovenMs, plainMs, counts.TotalCalls);
        double unmarkedNs = UnmarkedRun(wovenMs, plainMs, counts.TotalCalls * marker.Nanoseconds);
        var budget = new MarkerBudget(marker.Nanoseconds, settings.BudgetPercent / 100 * unmarkedNs, settings.MaxOwnPerCallNanoseconds);
        var plan = LeaveOutChoice.Choose(scope.Functions, scope.OtherCalls, list.UserNames.ToHashSet(StringComparer.Ordinal), budget);

        var report = new TuneReport(output, settings);
        report.Counts(counts, times, wovenMs, plainMs);
        report.MarkerCost(marker);
        report.Plan(plan, unmarkedNs, scope, counts);

        var update = TuneListUpdate.Of(list, plan.LeftOut.Select(f => (f.Name, TuneReport.Why(f))).ToList(), counts.Functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal));
        report.ListChange(WriteList(settings, list, update), update, list);

        return settings.Build is { } build ? RebuildAndMeasure(settings, build, woven, plain, before, plan, report) : 0;
    }

    /// <summary>
    /// What the budget is a share of, in nanoseconds: the run without markers, measured with
    /// --plain, else the woven run less what its markers are predicted to cost.
    /// </summary>
    private static double UnmarkedRun(double wovenMs, double? plainMs, double markersNs)
    {
        if (plainMs is { } plain)
            return plain * 1e6;
        if (wovenMs * 1e6 > markersNs)
            return wovenMs * 1e6 - markersNs;
        Terminal.Note("the markers are predicted to cost more than the whole measured run (an elapsed_ms= that times only part of the calls?); the budget is taken of the woven run");
        return wovenMs * 1e6;
    }

    /// <summary>The one deterministic run's counts (each instrumented process writes a report; they add up); or an exit code when it failed (its message is written).</summary>
    private static (CallCounts? Counts, int ExitCode) Count(IReadOnlyList<string> command)
    {
        using var scratch = new ScratchFolder("hybridprof-tune-");
        // The text report is the output that carries calls per function (docs/deterministic.md).
        var profiles = new RunProfiles(scratch.Path, ProfileFormats.Extension(ProfileFormat.Text));
        var deterministic = new RunMode("deterministic", command, "deterministic", null);
        var (results, failed) = new RoundRunner([deterministic], 1, profiles, NothingTuned).Run();
        if (results is null)
            return (null, failed);
        return (CallCounts.Merge(profiles.Files(deterministic, 0)
            .Order(StringComparer.Ordinal)
            .Select(file => CallStatsReader.Read(File.ReadAllText(file), file))
            .ToList()), 0);
    }

    /// <summary>Writes the list when its text changes; false when it was left as it is.</summary>
    private static bool WriteList(TuneSettings settings, TuneListFile list, TuneListUpdate update)
    {
        if (!list.Exists && update.ToolLines.Count == 0)
            return false;
        string text = list.Render(FormattableString.Invariant($"chosen for a {settings.BudgetPercent:0.##} % budget; rewritten by each run"), update.ToolLines);
        if (list.Exists && File.ReadAllText(settings.ListPath) == text)
            return false;
        TuneListWriter.Write(settings.ListPath, text);
        return true;
    }

    private static int RebuildAndMeasure(
        TuneSettings settings, IReadOnlyList<string> build, RunMode woven, RunMode? plain,
        Dictionary<RunMode, List<RunResult>> before, LeaveOutPlan plan, TuneReport report)
    {
        string written = $"{settings.ListPath} is written, nothing measured after the build";
        var (built, buildFailed) = new RoundRunner([new RunMode("build", build, null, null)], 1, null, written).Run();
        if (built is null)
            return buildFailed;
        var rebuilt = woven with { Name = "woven after the build, not profiling" };
        var (after, failed) = new RoundRunner(plain is null ? [rebuilt] : [rebuilt, plain], settings.Rounds, null, written).Run();
        if (after is null)
            return failed;
        report.Measured(before[woven], after[rebuilt], plain is null ? null : [.. before[plain], .. after[plain]], plan);
        return 0;
    }
}
