using System.CommandLine;
using HybridProf.Cli.Commands;

namespace HybridProf.Cli.ZeroEdit;

/// <summary>
/// <c>hybridprof build</c>: a woven build of a project that does not reference HybridProf, to
/// deploy and to attach to later (<c>record -p</c>, <c>top</c>), built as <c>record</c>'s
/// zero-edit builds are: no file of the project's changes, its own bin/ and obj/ stay plain.
/// </summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var project = new Option<string?>("--project")
        {
            Description = "The project (or its folder) to build; default: the one in the current folder.",
        };
        var output = new Option<string>("--output", "-o") { Description = "Folder for the woven build (the app and everything it needs).", Required = true };
        var configuration = new Option<string>("--configuration", "-c")
        {
            Description = "Build configuration (default Release).",
            DefaultValueFactory = _ => "Release",
        };
        var framework = new Option<string?>("--framework", "-f") { Description = "Target framework, for a project that has several." };
        var runtime = new Option<string?>("--runtime", "-r") { Description = "Target runtime identifier (e.g. linux-x64)." };
        var zeroEdit = new ZeroEditOptions();
        var build = new Command("build",
            "Build a project with HybridProf injected, without editing it, into a folder to deploy (`hybridprof build --project App -o woven`). " +
            "Run it with HYBRIDPROF_OUTPUT set, or attach to it later with `record -p`, `top` and `dump`.")
        {
            project, output, configuration, framework, runtime,
        };
        zeroEdit.AddTo(build);
        build.SetAction(result => Guard.Run(() =>
        {
            string folder = Path.GetFullPath(result.GetValue(output)!);
            var arguments = new List<string> { "build" };
            if (result.GetValue(project) is { } path)
            {
                if (!File.Exists(path) && !Directory.Exists(path))
                    throw new UsageException($"--project: '{path}' is neither a project file nor a folder");
                arguments.Add(path);
            }
            arguments.AddRange(["--output", folder, "--configuration", result.GetValue(configuration)!]);
            if (result.GetValue(framework) is { } tfm)
                arguments.AddRange(["--framework", tfm]);
            if (result.GetValue(runtime) is { } rid)
                arguments.AddRange(["--runtime", rid]);
            var environment = ZeroEditBuild.Environment(zeroEdit.Read(result));
            ZeroEditBuild.Run(arguments, environment, "nothing was written");
            // The runtime is copied beside every instrumented .NET project's output.
            if (!File.Exists(Path.Combine(folder, "HybridProf.dll")))
                throw new UsageException($"the build wrote {folder}, but nothing in it is instrumented: no project it built could be (the `HybridProf:` lines of the build above say why).");
            Terminal.Note($"wrote a woven build to {folder}; profile it with `HYBRIDPROF_OUTPUT=profile.svg dotnet {folder}{Path.DirectorySeparatorChar}APP.dll`, or attach to it running with `hybridprof record -p PID` or `hybridprof top -p PID`.");
            return 0;
        }));
        return build;
    }
}
