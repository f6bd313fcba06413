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
        string name = args.Length > 0 ? args[0] : "pipeline";
        int size = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        var watch = Stopwatch.StartNew();
        long check = Run(name, size);
        if (check == -1)
        {
            Console.Error.WriteLine($"unknown workload {name}; use pipeline, parser, fanout or burn");
            return 2;
        }
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
        string name = args.Length > 0 ? args[0] : "pipeline";
        int size = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        if (Run(name, size) == -1)
            throw new ArgumentException($"unknown workload {name}; use pipeline, parser, fanout or burn");
        return () => (ulong)Run(name, size);
    }

    private static long Run(string name, int size) => name switch
    {
        "pipeline" => Pipeline.Run(size > 0 ? size : 6),
        "parser" => Calculator.Run(size > 0 ? size : 1500),
        "fanout" => FanOut.Run(size > 0 ? size : 800).GetAwaiter().GetResult(),
        "burn" => Burn.Run(size > 0 ? size : 1500),
        _ => -1,
    };
}
