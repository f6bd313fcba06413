using HybridProf.Cli.Commands;
using HybridProf.Formats;
using Profile = HybridProf.Model.Profile;

namespace HybridProf.Cli.Compare;

/// <summary>
/// <c>hybridprof compare</c>: runs the command in rounds, every mode once per round, the order
/// rotated each round so no mode always runs first (or right after a given other) while the
/// machine warms up or something else starts; then prints the timings and the agreement.
/// </summary>
internal static class CompareRunner
{
    public static int Run(CompareSettings settings, TextWriter output)
    {
        var modes = new RunModes(settings);
        using var scratch = new ScratchFolder("hybridprof-compare-");
        var results = modes.All.ToDictionary(m => m, _ => new List<RunResult>());
        if (RunRounds(settings, modes, scratch, results) is { } failed)
            return failed;

        TimingReport.Write(output, settings, modes, results);
        output.WriteLine();
        var sampled = Read(scratch, modes.Sampled, settings.Rounds);
        var deterministic = Read(scratch, modes.Deterministic, settings.Rounds);
        return AgreementReport.Write(output, sampled, deterministic, settings);
    }

    /// <summary>Every mode once per round into <paramref name="results"/>; an exit code if a run failed, else null.</summary>
    private static int? RunRounds(CompareSettings settings, RunModes modes, ScratchFolder scratch, Dictionary<RunMode, List<RunResult>> results)
    {
        using var interrupt = new Interrupt();
        var progress = new CompareProgress(settings.Rounds * modes.All.Count);
        try
        {
            for (int round = 0; round < settings.Rounds; round++)
            {
                for (int k = 0; k < modes.All.Count; k++)
                {
                    var mode = modes.All[(k + round) % modes.All.Count];
                    progress.Show(round, mode);
                    RunResult? result;
                    try
                    {
                        result = ChildRun.Run(mode, mode.Profiles ? ProfilePattern(scratch, mode, round) : null, interrupt);
                    }
                    catch (OperationCanceledException)
                    {
                        result = null;
                    }
                    // Ctrl+C in a terminal reaches the child too, which may exit before we notice it ourselves.
                    if (result is null || interrupt.Requested)
                        return progress.ClearFor(() => Terminal.Fail("interrupted; nothing compared"));
                    if (result.ExitCode != 0)
                        return progress.ClearFor(() => Failed(mode, round, settings.Rounds, result));
                    if (mode.Profiles && ProfileFiles(scratch, mode, round).Length == 0)
                    {
                        bool profiledBefore = results.Any(r => r.Key.Profiles && r.Value.Count > 0);
                        string where = $"round {round + 1} of {settings.Rounds}, {mode.Name}";
                        return progress.ClearFor(() => Terminal.Fail(MissingProfile.InComparison(mode.Command, result.ExitCode, where, profiledBefore)));
                    }
                    results[mode].Add(result);
                }
            }
            return null;
        }
        finally
        {
            progress.Clear();
        }
    }

    /// <summary>The runs write pprof, which keeps the observation count the confidence intervals need.</summary>
    private static readonly string Transport = ProfileFormats.Extension(ProfileFormat.Pprof);

    // {pid}: a command that starts several instrumented processes (a script, `dotnet run`) gets a file per process.
    private static string ProfilePattern(ScratchFolder scratch, RunMode mode, int round) =>
        Path.Combine(scratch.Path, $"{mode.Slug}-{round}-{{pid}}{Transport}");

    private static string[] ProfileFiles(ScratchFolder scratch, RunMode mode, int round) =>
        Directory.GetFiles(scratch.Path, $"{mode.Slug}-{round}-*{Transport}");

    /// <summary>All rounds' profiles of one mode as one profile: more samples, narrower intervals.</summary>
    private static Profile Read(ScratchFolder scratch, RunMode mode, int rounds) =>
        ProfileMerge.Merge(Enumerable.Range(0, rounds)
            .SelectMany(round => ProfileFiles(scratch, mode, round).Order(StringComparer.Ordinal))
            .Select(ProfileFormats.Read)
            .ToList());

    private static int Failed(RunMode mode, int round, int rounds, RunResult result)
    {
        var lines = result.Output.Lines;
        Terminal.Note($"'{ChildProcess.Display(mode.Command)}' exited with code {result.ExitCode} " +
            $"(round {round + 1} of {rounds}, {mode.Name}); nothing compared. " + (lines.Count > 0 ? "Its last output:" : "It printed nothing."));
        foreach (string line in lines)
            Console.Error.WriteLine("  " + line);
        return 1;
    }
}
