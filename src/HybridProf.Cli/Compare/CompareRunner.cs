using HybridProf.Cli.Commands;
using HybridProf.Formats;
using Profile = HybridProf.Model.Profile;

namespace HybridProf.Cli.Compare;

/// <summary>
/// <c>hybridprof compare</c>: runs the command in rotated rounds, every mode once per round
/// (<see cref="RoundRunner"/>); then prints the timings and the agreement.
/// </summary>
internal static class CompareRunner
{
    /// <summary>The runs write pprof, which keeps the observation count the confidence intervals need.</summary>
    private static readonly string Transport = ProfileFormats.Extension(ProfileFormat.Pprof);

    public static int Run(CompareSettings settings, TextWriter output)
    {
        var modes = new RunModes(settings);
        using var scratch = new ScratchFolder("hybridprof-compare-");
        var profiles = new RunProfiles(scratch.Path, Transport);
        var (results, failed) = new RoundRunner(modes.All, settings.Rounds, profiles, "nothing compared").Run();
        if (results is null)
            return failed;

        TimingReport.Write(output, settings, modes, results);
        output.WriteLine();
        var sampled = Read(profiles, modes.Sampled, settings.Rounds);
        var deterministic = Read(profiles, modes.Deterministic, settings.Rounds);
        return AgreementReport.Write(output, sampled, deterministic, settings);
    }

    /// <summary>All rounds' profiles of one mode as one profile: more samples, narrower intervals.</summary>
    private static Profile Read(RunProfiles profiles, RunMode mode, int rounds) =>
        ProfileMerge.Merge(Enumerable.Range(0, rounds)
            .SelectMany(round => profiles.Files(mode, round).Order(StringComparer.Ordinal))
            .Select(ProcessProfile.Read)
            .ToList());
}
