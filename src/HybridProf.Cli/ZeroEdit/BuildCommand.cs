using System.CommandLine;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
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
            var woven = InstrumentedAssemblies(folder);
            if (woven.Count == 0)
                throw new UsageException($"the build wrote {folder}, but nothing in it is instrumented: no project it built could be (the `HybridProf:` lines of the build above say why).");
            Terminal.Note($"wrote a woven build to {folder} (instrumented: {string.Join(", ", woven)}); run the app from there with HYBRIDPROF_OUTPUT=profile.svg to profile it, or attach to it running with `hybridprof record -p PID` or `hybridprof top -p PID`.");
            return 0;
        }));
        return build;
    }

    /// <summary>
    /// The assemblies of the folder that call the runtime, by name: a woven one references it (the
    /// runtime itself may not be beside them: Costura, for one, embeds it in the app).
    /// </summary>
    private static List<string> InstrumentedAssemblies(string folder) =>
        Directory.EnumerateFiles(folder, "*.dll")
            .Where(ReferencesRuntime)
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToList()!;

    private static bool ReferencesRuntime(string path)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(path));
            if (!pe.HasMetadata)
                return false;
            var metadata = pe.GetMetadataReader();
            return metadata.AssemblyReferences.Any(r => metadata.StringComparer.Equals(metadata.GetAssemblyReference(r).Name, "HybridProf"));
        }
        catch (BadImageFormatException)
        {
            return false; // a native library
        }
    }
}
