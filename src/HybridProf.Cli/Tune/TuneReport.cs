using HybridProf.Cli.Commands;
using HybridProf.Cli.Compare;
using static System.FormattableString;

namespace HybridProf.Cli.Tune;

/// <summary>What <c>tune</c> prints: the run, the marker's cost, the plan, the list's change, the measured result.</summary>
internal sealed class TuneReport(TextWriter output, TuneSettings settings)
{
    /// <summary>The comment a chosen line carries in the list: what the run counted.</summary>
    public static string Why(FunctionCalls function) =>
        Invariant($"{function.Calls:N0} calls, {function.OwnPerCall:0} ns own each (deterministic)");

    public void Counts(CallCounts counts, RunTimes times, double wovenMs, double? plainMs)
    {
        int runs = settings.Rounds;
        output.WriteLine(Invariant($"'{ChildProcess.Display(settings.Command)}': {counts.TotalCalls:N0} calls of instrumented methods in one deterministic run"));
        string plain = plainMs is { } p ? Invariant($", plain {p:0.0} ms") : "";
        output.WriteLine(Invariant($"run time: woven, not profiling {wovenMs:0.0} ms{plain} (median{(runs == 1 ? "" : "s")} of {runs} run{(runs == 1 ? "" : "s")}; {times.Description})"));
    }

    public void MarkerCost(MarkerCost cost) =>
        output.WriteLine(Invariant($"marker cost: {cost.Nanoseconds:0.00} ns a call ({cost.Source})"));

    public void Plan(LeaveOutPlan plan, double unmarkedNanoseconds, TuneScope scope, CallCounts counts)
    {
        output.WriteLine($"predicted marker cost: {Cost(plan.BeforeNanoseconds, unmarkedNanoseconds)} now, " +
            $"{Cost(plan.AfterNanoseconds, unmarkedNanoseconds)} once the list is built; budget {Invariant($"{settings.BudgetPercent:0.##}")} %");
        if (!plan.FitsBudget)
        {
            output.WriteLine(Invariant($"the budget is out of reach: the calls left are of methods that may not be left out: costlier than --max-own-ns ({settings.MaxOwnPerCallNanoseconds:0} ns a call), ") +
                Invariant($"outside {scope.Folder} ({scope.OtherCalls:N0} calls), or beyond the {counts.Functions.Count} functions the run's report lists ({counts.UnlistedCalls:N0} calls)"));
        }
        if (plan.LeftOut.Count == 0)
        {
            output.WriteLine(plan.FitsBudget ? "nothing more to leave out: the markers that stay fit the budget" : "nothing more to leave out");
            return;
        }
        var shown = plan.LeftOut.Take(settings.Top).ToList();
        output.WriteLine(Invariant($"leave out {plan.LeftOut.Count} method{(plan.LeftOut.Count == 1 ? "" : "s")}") +
            (shown.Count < plan.LeftOut.Count ? Invariant($" (the first {shown.Count}, most calls first):") : " (most calls first):"));
        output.WriteLine("           calls    own/call      saving  function");
        foreach (var f in shown)
            output.WriteLine(Invariant($"  {f.Calls,14:N0}  {f.OwnPerCall,7:0} ns  {f.Calls * plan.MarkerNanoseconds / 1e6,7:0.0} ms  {f.Name}"));
    }

    public void ListChange(bool written, TuneListUpdate update, TuneListFile list)
    {
        string path = settings.ListPath;
        if (!written)
        {
            output.WriteLine(list.Exists ? $"{path} is unchanged" : $"no list written: nothing to leave out");
            return;
        }
        int own = list.UserNames.Count();
        output.WriteLine(Invariant($"wrote {path}: {update.Added.Count} added, {update.Removed.Count} removed, {update.Kept.Count} kept from earlier runs (not in this run's profile), {own} name{(own == 1 ? "" : "s")} of your own"));
        if (update.Removed.Count > 0)
            output.WriteLine("  removed (called too little now, or costlier): " + string.Join(", ", update.Removed));
        if (settings.Build is null)
            output.WriteLine("rebuild the app to apply it (or give --build \"COMMAND\")");
    }

    public void Measured(IReadOnlyList<RunResult> before, IReadOnlyList<RunResult> after, IReadOnlyList<RunResult>? plain, LeaveOutPlan plan)
    {
        var times = RunTimes.For([.. before, .. after, .. plain ?? []]);
        double b = times.Median(before), a = times.Median(after);
        output.WriteLine("measured, medians of " + times.Description + ":");
        output.WriteLine(Invariant($"  woven, not profiling: before {b:0.0} ms, after {a:0.0} ms ({a - b:+0.0;-0.0} ms, {(a - b) / b:+0.0%;-0.0%}); predicted {(plan.AfterNanoseconds - plan.BeforeNanoseconds) / 1e6:+0.0;-0.0} ms"));
        // The saving per call that left its markers, against the cost the prediction used: how good the prediction was.
        long leftOutCalls = plan.LeftOutCalls;
        if (leftOutCalls > 0)
            output.WriteLine(Invariant($"  saved {(b - a) * 1e6 / leftOutCalls:0.00} ns per call left unmarked ({leftOutCalls:N0} calls); the prediction used {plan.MarkerNanoseconds:0.00} ns"));
        if (plain is null)
            return;
        double p = times.Median(plain);
        output.WriteLine(Invariant($"  against plain ({p:0.0} ms): overhead before {(b - p) / p:+0.0%;-0.0%}, after {(a - p) / p:+0.0%;-0.0%}"));
    }

    private static string Cost(double nanoseconds, double unmarkedNanoseconds) =>
        unmarkedNanoseconds > 0
            ? Invariant($"{nanoseconds / 1e6:0.0} ms ({nanoseconds / unmarkedNanoseconds:0.0%} of the run without markers)")
            : Invariant($"{nanoseconds / 1e6:0.0} ms");
}
