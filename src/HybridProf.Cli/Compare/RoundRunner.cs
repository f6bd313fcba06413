using HybridProf.Cli.Commands;

namespace HybridProf.Cli.Compare;

/// <summary>
/// Runs the command in rounds, every mode once per round, the order rotated each round so that
/// no mode always runs first (or right after a given other one) while the machine warms up or
/// something else starts. The first run that fails, is interrupted or leaves no profile ends it
/// with one message. <c>compare</c> and <c>tune</c> run their commands through it.
/// </summary>
/// <param name="modes">The modes, in the order of the first round.</param>
/// <param name="rounds">How many times each mode runs.</param>
/// <param name="profiles">Where profiling modes write; null when no mode profiles.</param>
/// <param name="nothingDone">What a failure leaves undone, for its message: "nothing compared".</param>
internal sealed class RoundRunner(IReadOnlyList<RunMode> modes, int rounds, RunProfiles? profiles, string nothingDone)
{
    /// <summary>Each mode's runs, in round order; or an exit code when a run failed (its message is written).</summary>
    public (Dictionary<RunMode, List<RunResult>>? Results, int ExitCode) Run()
    {
        var results = modes.ToDictionary(m => m, _ => new List<RunResult>());
        using var interrupt = new Interrupt();
        var progress = new CompareProgress(rounds * modes.Count);
        try
        {
            for (int round = 0; round < rounds; round++)
            {
                for (int k = 0; k < modes.Count; k++)
                {
                    var mode = modes[(k + round) % modes.Count];
                    progress.Show(round, mode);
                    RunResult? result;
                    try
                    {
                        result = ChildRun.Run(mode, mode.Profiles ? profiles!.Pattern(mode, round) : null, interrupt);
                    }
                    catch (OperationCanceledException)
                    {
                        result = null;
                    }
                    // Ctrl+C in a terminal reaches the child too, which may exit before we notice it ourselves.
                    if (result is null || interrupt.Requested)
                        return (null, progress.ClearFor(() => Terminal.Fail("interrupted; " + nothingDone)));
                    if (result.ExitCode != 0)
                        return (null, progress.ClearFor(() => Failed(mode, round, result)));
                    if (mode.Profiles && profiles!.Files(mode, round).Length == 0)
                    {
                        bool profiledBefore = results.Any(r => r.Key.Profiles && r.Value.Count > 0);
                        return (null, progress.ClearFor(() => Terminal.Fail(MissingProfile.AmongRuns(mode.Command, result.ExitCode, Which(mode, round), profiledBefore, nothingDone))));
                    }
                    results[mode].Add(result);
                }
            }
            return (results, 0);
        }
        finally
        {
            progress.Clear();
        }
    }

    // A single run is not a round of anything: "(build)" reads better than "(round 1 of 1, build)".
    private string Which(RunMode mode, int round) => rounds == 1 ? mode.Name : $"round {round + 1} of {rounds}, {mode.Name}";

    private int Failed(RunMode mode, int round, RunResult result)
    {
        var lines = result.Output.Lines;
        Terminal.Note($"'{ChildProcess.Display(mode.Command)}' exited with code {result.ExitCode} ({Which(mode, round)}); {nothingDone}. " +
            (lines.Count > 0 ? "Its last output:" : "It printed nothing."));
        foreach (string line in lines)
            Console.Error.WriteLine("  " + line);
        return 1;
    }
}
