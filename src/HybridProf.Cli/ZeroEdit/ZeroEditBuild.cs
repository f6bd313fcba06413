using HybridProf.Cli.Commands;

namespace HybridProf.Cli.ZeroEdit;

/// <summary>
/// Builds the user's projects with HybridProf injected, changing none of their files: MSBuild
/// reads two import hooks from the environment (<c>CustomAfterDirectoryBuildProps</c>,
/// <c>CustomAfterDirectoryBuildTargets</c>); the tool points them at the files it carries in
/// zero-edit/ (HybridProf.ZeroEdit.props moves bin/ and obj/ to a folder of the tool's,
/// HybridProf.ZeroEdit.targets wires the runtime, generator and weaver in). Coverlet's console
/// mode is the precedent for instrumenting a build the project never asked for.
/// </summary>
internal static class ZeroEditBuild
{
    /// <summary>The variable naming the folder that takes every project's bin/ and obj/.</summary>
    public const string RootVariable = "HybridProfZeroEditRoot";

    /// <summary>Where the tool keeps what it injects: beside its own assembly, in the tool package too.</summary>
    public static string FilesDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "zero-edit");

    /// <summary>
    /// The environment that makes every MSBuild evaluation of the command a zero-edit build.
    /// Child processes inherit it (the app under <c>dotnet run</c>, the test host), which is harmless: only MSBuild reads these.
    /// </summary>
    /// <exception cref="UsageException">The tool's zero-edit files are missing, or the tune list is.</exception>
    public static Dictionary<string, string> Environment(ZeroEditSettings settings)
    {
        string props = Path.Combine(FilesDirectory, "HybridProf.ZeroEdit.props");
        string targets = Path.Combine(FilesDirectory, "HybridProf.ZeroEdit.targets");
        if (!File.Exists(props) || !File.Exists(targets))
            throw new UsageException($"this hybridprof has no zero-edit build files ({FilesDirectory} is missing or incomplete); reinstall the tool.");
        string root = settings.BuildRoot is { } given ? Path.GetFullPath(given) : DefaultBuildRoot();
        Directory.CreateDirectory(root);
        var env = new Dictionary<string, string>
        {
            ["CustomAfterDirectoryBuildProps"] = props,
            ["CustomAfterDirectoryBuildTargets"] = targets,
            [RootVariable] = root + Path.DirectorySeparatorChar,
            ["HybridProfZeroEditProjects"] = string.Join(';', settings.Projects),
            ["HybridProfZeroEditSkip"] = string.Join(';', settings.Skip),
            // A build node left over from an earlier build would keep that build's environment.
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        if (settings.LeaveOut is { } list)
        {
            string path = Path.GetFullPath(list);
            if (!File.Exists(path))
                throw new UsageException($"--leave-out: '{list}' does not exist (a tune list: one frame name per line, see `hybridprof tune`).");
            env["HybridProfZeroEditLeaveOut"] = path;
        }
        return env;
    }

    /// <summary>
    /// Runs <c>dotnet ARGS</c> with the zero-edit environment, its output on the terminal.
    /// </summary>
    /// <exception cref="UsageException">The build failed: one line says so, dotnet's own errors are above it.</exception>
    public static void Run(IReadOnlyList<string> dotnetArguments, IReadOnlyDictionary<string, string> environment, string what)
    {
        var info = ChildProcess.StartInfo(["dotnet", .. dotnetArguments], environment);
        using var build = ChildProcess.Start(info);
        build.WaitForExit();
        if (build.ExitCode != 0)
            throw new UsageException($"the build with HybridProf injected failed (`{ChildProcess.Display(["dotnet", .. dotnetArguments])}`, exit code {build.ExitCode}; its errors are above); {what}.");
    }

    /// <summary>
    /// $XDG_CACHE_HOME/hybridprof/builds (else ~/.cache/…): the user's own, not a shared temp
    /// folder another user could prepare; kept between runs, so the next build is incremental.
    /// </summary>
    private static string DefaultBuildRoot()
    {
        string cache = System.Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : OperatingSystem.IsWindows()
                ? System.Environment.GetFolderPath(System.Environment.SpecialFolder.LocalApplicationData)
                : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "hybridprof", "builds");
    }
}
