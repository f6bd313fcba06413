using System.CommandLine;
using HybridProf.Cli.Profiles;
using HybridProf.Formats;

namespace HybridProf.Cli.Commands;

/// <summary>Options several commands share, so they read and behave alike.</summary>
internal static class Options
{
    public static Option<int> Pid(bool required) => new("--pid", "-p")
    {
        Description = "Process id of a running instrumented app (see `hybridprof ps`).",
        Required = required,
    };

    public static Option<int> Top(int defaultValue) => new("--top", "-n")
    {
        Description = $"How many functions to list (default {defaultValue}).",
        DefaultValueFactory = _ => defaultValue,
    };

    public static Option<string> Sort() => new Option<string>("--sort")
    {
        Description = "Order: own (time in the function itself, default), total (with its callees) or name.",
        DefaultValueFactory = _ => "own",
    }.AcceptOnlyFromAmong("own", "total", "name");

    public static SortKey ParseSort(string? value) => value switch
    {
        "total" => SortKey.Total,
        "name" => SortKey.Name,
        _ => SortKey.Own,
    };

    public static Option<string> Mode(bool deterministic = false) => deterministic
        ? new Option<string>("--mode")
        {
            Description = "cpu (running threads only, default), wall (waiting included: [blocked] and [await] leaves) " +
                "or deterministic (every call timed; launch mode only, as it is chosen when the app starts).",
            DefaultValueFactory = _ => "cpu",
        }.AcceptOnlyFromAmong("cpu", "wall", "deterministic")
        : new Option<string>("--mode")
        {
            Description = "cpu (running threads only, default) or wall (waiting included: [blocked] and [await] leaves).",
            DefaultValueFactory = _ => "cpu",
        }.AcceptOnlyFromAmong("cpu", "wall");

    public static Option<int> Rate() => new("--rate", "-r")
    {
        Description = "Samples per second per thread, 1 to 10000 (default 100).",
        DefaultValueFactory = _ => 100,
    };

    public static Option<string?> Format() => new Option<string?>("--format", "-f")
    {
        Description = "Output format when the file name does not say: svg, speedscope, pprof, collapsed or txt.",
    }.AcceptOnlyFromAmong("svg", "speedscope", "pprof", "collapsed", "txt");

    /// <summary>The format for <paramref name="path"/>: --format if given, else its extension.</summary>
    /// <exception cref="UsageException">Neither names a format.</exception>
    public static ProfileFormat ResolveFormat(string path, string? format) => format switch
    {
        "svg" => ProfileFormat.Svg,
        "speedscope" => ProfileFormat.Speedscope,
        "pprof" => ProfileFormat.Pprof,
        "collapsed" => ProfileFormat.Collapsed,
        "txt" => ProfileFormat.Text,
        _ => ProfileFormats.FromPath(path)
            ?? throw new UsageException($"'{path}' has no known profile extension ({ProfileFormats.KnownExtensions}); add one or pass --format."),
    };
}

/// <summary>A mistake in how the command was called; the message is shown as is.</summary>
internal sealed class UsageException(string message) : Exception(message);
