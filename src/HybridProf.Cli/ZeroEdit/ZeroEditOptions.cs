using System.CommandLine;

namespace HybridProf.Cli.ZeroEdit;

/// <summary>The options <c>record</c> and <c>build</c> share for a zero-edit build, so both read and behave alike.</summary>
internal sealed class ZeroEditOptions
{
    private readonly Option<string[]> _projects = new("--projects")
    {
        Description = "Zero-edit: the projects to instrument, by name (e.g. --projects Shop.App Shop.Lib); default: every project the build builds (never NuGet packages).",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string[]> _skip = new("--skip-projects")
    {
        Description = "Zero-edit: projects not to instrument, by name.",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string?> _leaveOut = new("--leave-out")
    {
        Description = "Zero-edit: a tune list (one frame name per line, as `hybridprof tune` writes) of methods to leave unmarked in every instrumented project.",
    };

    private readonly Option<string?> _buildDir = new("--build-dir")
    {
        Description = "Zero-edit: the folder for the woven build's bin/ and obj/ (default: $XDG_CACHE_HOME/hybridprof/builds, else ~/.cache/hybridprof/builds; kept, so the next build is incremental).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_projects);
        command.Options.Add(_skip);
        command.Options.Add(_leaveOut);
        command.Options.Add(_buildDir);
    }

    public ZeroEditSettings Read(ParseResult result) => new(
        Names(result.GetValue(_projects)),
        Names(result.GetValue(_skip)),
        result.GetValue(_leaveOut),
        result.GetValue(_buildDir));

    /// <summary>Whether any zero-edit option was given (they mean nothing to a command run as it is).</summary>
    public bool AnyGiven(ParseResult result) =>
        result.GetResult(_projects) is not null || result.GetResult(_skip) is not null ||
        result.GetResult(_leaveOut) is not null || result.GetResult(_buildDir) is not null;

    // Names may also come comma-separated, as in --projects A,B.
    private static string[] Names(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
}
