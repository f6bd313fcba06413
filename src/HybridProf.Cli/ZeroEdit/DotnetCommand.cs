using HybridProf.Cli.Commands;

namespace HybridProf.Cli.ZeroEdit;

/// <summary>
/// A <c>dotnet run</c> or <c>dotnet test</c> command line, read for what a zero-edit build needs:
/// the arguments that choose what to build and how (so the tool can build it first, with
/// HybridProf injected, and say clearly when that build fails), and where <c>--no-build</c> goes.
/// </summary>
internal sealed class DotnetCommand
{
    private DotnetCommand(string[] command, List<string> buildArguments, bool everyOptionKnown, bool noBuild)
    {
        Command = command;
        BuildArguments = buildArguments;
        _everyOptionKnown = everyOptionKnown;
        UserSaidNoBuild = noBuild;
    }

    private readonly bool _everyOptionKnown;

    public string[] Command { get; }

    /// <summary>What <c>dotnet build</c> is given to build what this command would build.</summary>
    public IReadOnlyList<string> BuildArguments { get; }

    /// <summary>The command already has <c>--no-build</c>: it runs what was built before.</summary>
    public bool UserSaidNoBuild { get; }

    // The SDK's commands that run no app of the user's: record cannot profile them.
    private static readonly HashSet<string> NotAnApp = new(StringComparer.Ordinal)
    {
        "build", "publish", "pack", "restore", "clean", "watch", "new", "add", "remove", "list", "package",
        "reference", "sln", "solution", "tool", "workload", "nuget", "format", "store", "msbuild", "dev-certs", "help", "sdk",
    };

    // Options of `dotnet run` / `dotnet test` that take a value and mean the same to `dotnet build`.
    private static readonly HashSet<string> BuildOptionsWithValue = new(StringComparer.Ordinal)
    {
        "-c", "--configuration", "-f", "--framework", "-r", "--runtime", "-a", "--arch", "--os", "-v", "--verbosity",
    };

    /// <summary>
    /// The command read as <c>dotnet run</c> / <c>dotnet test</c>; null when it is anything else
    /// that runs an app (<c>dotnet App.dll</c>, <c>dotnet exec</c>, an app's own path).
    /// </summary>
    /// <exception cref="UsageException">It is an SDK command that runs no app (<c>dotnet build</c>, <c>dotnet watch</c>…).</exception>
    /// <param name="command">The command line.</param>
    /// <param name="exists">Whether a path exists (default: the file system): a word that is no
    /// option is the project or solution to test only if it does; otherwise it is the value of an
    /// option the tool does not know (<c>--filter Category=Fast</c>).</param>
    public static DotnetCommand? Parse(string[] command, Func<string, bool>? exists = null)
    {
        exists ??= path => File.Exists(path) || Directory.Exists(path);
        if (command.Length < 2 || !IsDotnet(command[0]))
            return null;
        string verb = command[1];
        if (NotAnApp.Contains(verb))
            throw new UsageException($"record runs an app: `dotnet run`, `dotnet test`, `dotnet App.dll` or the app's own path; `dotnet {verb}` is none of them" +
                (verb == "build" || verb == "publish" ? " (for a woven build to deploy, use `hybridprof build`)." : "."));
        if (verb != "run" && verb != "test")
            return null;

        var build = new List<string>();
        bool everyOptionKnown = true;
        bool noBuild = false;
        bool target = false;
        for (int i = 2; i < command.Length; i++)
        {
            string arg = command[i];
            if (arg == "--")
                break; // the app's own arguments
            if (arg == "--no-build")
                noBuild = true;
            else if (arg == "--project" && i + 1 < command.Length && !target)
            {
                build.Add(command[++i]);
                target = true;
            }
            else if (BuildOptionsWithValue.Contains(arg) && i + 1 < command.Length)
            {
                build.Add(arg);
                build.Add(command[++i]);
            }
            else if (arg.StartsWith("-p:", StringComparison.Ordinal) || arg.StartsWith("--property:", StringComparison.Ordinal))
                build.Add(arg);
            else if (verb == "run" && !target && (arg == "--file" || (!arg.StartsWith('-') && arg.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))))
            {
                if (arg == "--file")
                    arg = i + 1 < command.Length ? command[i + 1] : "app.cs";
                // Fody, which plants the markers, refuses a build with no project file on disk.
                throw new UsageException($"`dotnet run {arg}` runs a file-based app, which cannot be built with HybridProf injected: the weaver needs a project file. " +
                    $"Make one with `dotnet project convert {arg}`, then record `dotnet run --project` of it.");
            }
            else if (!arg.StartsWith('-') && !target && verb == "test" && exists(arg))
            {
                build.Add(arg); // dotnet test PROJECT|SOLUTION
                target = true;
            }
            else
                everyOptionKnown = false; // the command's own build sees it; ours may not have
        }
        return new DotnetCommand(command, build, everyOptionKnown, noBuild);
    }

    /// <summary>
    /// The command to launch once the tool has built it: with <c>--no-build</c> when the tool's
    /// build had every option the command has, so it is not built twice; otherwise as given (its
    /// own build then finds the tool's build up to date, or adds what the tool did not know).
    /// </summary>
    public string[] AfterBuild()
    {
        if (UserSaidNoBuild || !_everyOptionKnown)
            return Command;
        int end = Array.IndexOf(Command, "--");
        var args = new List<string>(Command);
        args.Insert(end < 0 ? args.Count : end, "--no-build");
        return args.ToArray();
    }

    private static bool IsDotnet(string program)
    {
        string name = Path.GetFileNameWithoutExtension(program);
        return string.Equals(name, "dotnet", StringComparison.OrdinalIgnoreCase);
    }
}
