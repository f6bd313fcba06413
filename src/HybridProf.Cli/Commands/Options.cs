using System.CommandLine;
using System.CommandLine.Parsing;
using HybridProf.Analysis;
using HybridProf.Formats;

namespace HybridProf.Cli.Commands;

/// <summary>Options several commands share, so they read and behave alike.</summary>
internal static class Options
{
    public static Option<int> Pid(bool required) => new("--pid", "-p")
    {
        Description = "Process id of a running instrumented app (see `hybridprof ps`).",
        Required = required,
        CustomParser = ProcessId,
    };

    /// <summary>
    /// Parses --pid: a whole number from 1, as process ids are; 0 and negative numbers mean
    /// process groups to the system calls, never one process, so they are refused here.
    /// </summary>
    public static int ProcessId(ArgumentResult result)
    {
        string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(token, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int value) && value > 0)
            return value;
        result.AddError($"--pid takes a process id (a whole number from 1), not '{token}'");
        return 0;
    }

    public static Option<int> Top(int defaultValue, string description = "How many functions to list") => new("--top", "-n")
    {
        Description = $"{description} (default {defaultValue}).",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = WholeNumber,
    };

    /// <summary><c>--rounds</c>: how many times each run is repeated (default 3), for medians.</summary>
    public static Option<int> Rounds(string description) => new("--rounds")
    {
        Description = $"{description} (default 3).",
        DefaultValueFactory = _ => 3,
        CustomParser = WholeNumber,
    };

    /// <summary>The number given to --top, which must be at least 1.</summary>
    /// <exception cref="UsageException">It is not.</exception>
    public static int CheckTop(int value) => value >= 1 ? value : throw new UsageException("--top must be at least 1");

    public static Option<string> Sort() => new Option<string>("--sort")
    {
        Description = "Order: own (time in the function itself, default), total (with its callees) or name.",
        DefaultValueFactory = _ => "own",
    }.AcceptOnlyFromAmong("own", "total", "name");

    public static FunctionOrder ParseSort(string? value) => value switch
    {
        "total" => FunctionOrder.Total,
        "name" => FunctionOrder.Name,
        _ => FunctionOrder.Own,
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

    public static Option<int> Rate(int defaultValue = 100) => new("--rate", "-r")
    {
        Description = $"Samples per second per thread, 1 to 10000 (default {defaultValue}).",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = WholeNumber,
    };

    /// <summary>The rate given to --rate, within what the runtime accepts (HYBRIDPROF_RATE).</summary>
    /// <exception cref="UsageException">It is not.</exception>
    public static int CheckRate(int value) => value is >= 1 and <= 10_000 ? value : throw new UsageException("--rate must be from 1 to 10000 samples per second");

    /// <summary>The app to launch and its arguments: everything after <c>--</c>.</summary>
    public static Argument<string[]> Command(string description) => new("COMMAND")
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>
    /// The command given after <c>--</c>. Before <c>--</c> an unknown option would land here too
    /// (the argument takes any token) and be started as a program: say what it is instead.
    /// </summary>
    /// <exception cref="UsageException">The command starts with an option.</exception>
    public static string[] CommandLine(ParseResult result, Argument<string[]> command)
    {
        string[] args = result.GetValue(command) ?? [];
        if (args.Length == 0 || !args[0].StartsWith('-'))
            return args;
        var tokens = result.Tokens.ToList();
        int doubleDash = tokens.FindIndex(t => t.Type == TokenType.DoubleDash);
        if (doubleDash < 0 || tokens.FindIndex(t => t.Value == args[0]) < doubleDash)
            throw new UsageException($"unknown option '{args[0]}' (the command to run goes after `--`)");
        return args;
    }

    /// <summary>Parses an integer option, saying "a whole number" rather than naming a .NET type.</summary>
    public static int WholeNumber(ArgumentResult result) => Parse(result, "a whole number",
        (string token, out int value) => int.TryParse(token, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value));

    /// <summary>Parses a number option (a decimal point, not a comma), saying "a number" rather than naming a .NET type.</summary>
    public static double Number(ArgumentResult result) => Parse(result, "a number",
        (string token, out double value) => double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value) && double.IsFinite(value));

    private delegate bool TryParse<T>(string token, out T value);

    private static T Parse<T>(ArgumentResult result, string what, TryParse<T> tryParse) where T : struct
    {
        string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (tryParse(token, out T value))
            return value;
        string name = (result.Parent as OptionResult)?.Option.Name ?? "the value";
        result.AddError($"{name} takes {what}, not '{token}'");
        return default;
    }

    /// <summary>--format, its choices and their descriptions from the table of formats.</summary>
    public static Option<string?> Format() => new Option<string?>("--format", "-f")
    {
        Description = "Output format when the file name does not say: " +
            string.Join("; ", ProfileFormats.All.Select(f => $"{f.Id}: {f.Description} ({f.Extensions[0]})")) + ".",
    }.AcceptOnlyFromAmong(ProfileFormats.All.Select(f => f.Id).ToArray());

    /// <summary>The format for <paramref name="path"/>: --format if given, else its extension.</summary>
    /// <exception cref="UsageException">Neither names a format.</exception>
    public static ProfileFormat ResolveFormat(string path, string? format) =>
        (format is null ? null : ProfileFormats.FromId(format))
        ?? ProfileFormats.FromPath(path)
        ?? throw new UsageException($"'{path}' has no known profile extension ({ProfileFormats.KnownExtensions}); add one or pass --format.");

    /// <summary>For help texts: the files the tool can read.</summary>
    public static string Readable => ProfileFormats.ReadableExtensions;

    /// <summary>For help texts: the files the tool can write, each extension naming its format.</summary>
    public static string Writable => ProfileFormats.KnownExtensions;
}
