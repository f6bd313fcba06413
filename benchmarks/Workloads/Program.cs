using System.Diagnostics;
using System.Globalization;

[assembly: HybridProf.Profile]

namespace Workloads;

/// <summary>
/// The three workloads of the sampling-vs-deterministic comparison (docs/benchmarks.md).
/// Usage: Workloads &lt;pipeline|parser|fanout|burn&gt; [size]. Prints <c>elapsed_ms=…</c>, the
/// time of the work itself (start-up and writing the profile excluded).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var (name, size) = Parse(args);
        var watch = Stopwatch.StartNew();
        if (Workload(name, size) is not { } run)
        {
            Console.Error.WriteLine(Unknown(name));
            return 2;
        }
        long check = run();
        Console.WriteLine(FormattableString.Invariant($"elapsed_ms={watch.Elapsed.TotalMilliseconds:0.0} check={check}"));
        return 0;
    }

    /// <summary>
    /// One run of a workload as a call, for a host that loads this build beside another one in
    /// the same process and alternates their passes (benchmarks/SideBySide): the arguments are
    /// Main's, the workload's name and size.
    /// </summary>
    public static Func<ulong> CreatePass(string[] args)
    {
        var (name, size) = Parse(args);
        var run = Workload(name, size) ?? throw new ArgumentException(Unknown(name));
        return () => (ulong)run();
    }

    private static (string Name, int Size) Parse(string[] args) =>
        (args.Length > 0 ? args[0] : "pipeline", args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0);

    /// <summary>The workload named, as a call that runs it once and returns its check; null for an unknown name.</summary>
    private static Func<long>? Workload(string name, int size) => name switch
    {
        "pipeline" => () => Pipeline.Run(size > 0 ? size : 6),
        "parser" => () => Calculator.Run(size > 0 ? size : 1500),
        "fanout" => () => FanOut.Run(size > 0 ? size : 800).GetAwaiter().GetResult(),
        "burn" => () => Burn.Run(size > 0 ? size : 1500),
        _ => null,
    };

    private static string Unknown(string name) => $"unknown workload {name}; use pipeline, parser, fanout or burn";
}
