namespace HybridProf.Cli.Compare;

/// <summary>
/// Where the profiling runs write: one file per mode, round and process in a private folder.
/// <c>{pid}</c> gives a command that starts several instrumented processes (a script,
/// <c>dotnet run</c>) a file per process.
/// </summary>
/// <param name="Folder">The private folder (a <see cref="Commands.ScratchFolder"/>).</param>
/// <param name="Extension">The format the runs write, e.g. <c>.pb.gz</c>.</param>
internal sealed record RunProfiles(string Folder, string Extension)
{
    /// <summary>The <c>HYBRIDPROF_OUTPUT</c> of one run.</summary>
    public string Pattern(RunMode mode, int round) => Path.Combine(Folder, $"{mode.Slug}-{round}-{{pid}}{Extension}");

    /// <summary>What one run wrote, one file per instrumented process.</summary>
    public string[] Files(RunMode mode, int round) => Directory.GetFiles(Folder, $"{mode.Slug}-{round}-*{Extension}");
}
