using System.Diagnostics;
using System.Globalization;

namespace SideBySide;

/// <summary>
/// Usage: SideBySide PLAIN.dll WOVEN.dll [rounds] [passes per round] [warm-up rounds] [-- workload arguments].
/// Each round runs a few passes of one build, then as many of the other, the order swapping
/// every round, so that a slow spell of the machine (on a shared 2-core VM they last seconds and
/// move runs of separate processes by ±5 %) falls on both builds alike. The woven build profiles
/// as its environment says (HYBRIDPROF_OUTPUT, HYBRIDPROF_RATE): the sampler it starts runs
/// through the plain build's passes too, so its cost counts against both, and at 100 Hz it is
/// far below what this measures (docs/benchmarks.md, "Side by side in one process").
/// Prints each build's median pass, their ratio and the median of the rounds' ratios, each with
/// a bootstrap 95 % interval over rounds; then the timed part's length and the CPU time each
/// thread used in it (the sampler's is its cost to the machine, which the ratio shares out).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            var options = Options.Parse(args);
            var plain = BuildUnderTest.Load("plain", options.PlainPath, options.WorkloadArgs);
            var woven = BuildUnderTest.Load("woven", options.WovenPath, options.WorkloadArgs);
            RequireSameOutput(plain, woven);
            Run(plain, woven, options.WarmUpRounds, options.PassesPerRound, times: null);
            var times = new RoundTimes(options.Rounds, options.PassesPerRound);
            var cpuBefore = ThreadCpuTimes.Now();
            long start = Stopwatch.GetTimestamp();
            Run(plain, woven, options.Rounds, options.PassesPerRound, times);
            double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{times.Summary()} timed_ms={elapsed:0} thread_cpu_ms={ThreadCpuTimes.Now().Since(cpuBefore)}"));
            return 0;
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"side-by-side: {e.Message}");
            return 2;
        }
    }

    /// <summary>Weaving must not change what the workload computes; a run that compares different work means nothing.</summary>
    private static void RequireSameOutput(BuildUnderTest plain, BuildUnderTest woven)
    {
        ulong plainCheck = plain.Pass();
        ulong wovenCheck = woven.Pass();
        if (plainCheck != wovenCheck)
            throw new UsageException($"the builds compute different results (plain check {plainCheck:x16}, woven {wovenCheck:x16})");
    }

    private static void Run(BuildUnderTest plain, BuildUnderTest woven, int rounds, int passesPerRound, RoundTimes? times)
    {
        for (int round = 0; round < rounds; round++)
        {
            bool plainFirst = round % 2 == 0;
            RunPasses(plainFirst ? plain : woven, plainFirst, round, passesPerRound, times);
            RunPasses(plainFirst ? woven : plain, !plainFirst, round, passesPerRound, times);
        }
    }

    private static void RunPasses(BuildUnderTest build, bool isPlain, int round, int passes, RoundTimes? times)
    {
        for (int pass = 0; pass < passes; pass++)
        {
            long start = Stopwatch.GetTimestamp();
            build.Pass();
            times?.Add(isPlain, round, pass, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    private sealed record Options(string PlainPath, string WovenPath, int Rounds, int PassesPerRound, int WarmUpRounds, string[] WorkloadArgs)
    {
        public static Options Parse(string[] all)
        {
            int separator = Array.IndexOf(all, "--");
            string[] args = separator < 0 ? all : all[..separator];
            string[] workloadArgs = separator < 0 ? [] : all[(separator + 1)..];
            if (args.Length is < 2 or > 5)
                throw new UsageException("usage: SideBySide PLAIN.dll WOVEN.dll [rounds (40)] [passes per round (10)] [warm-up rounds (10)] [-- workload arguments]");
            return new Options(args[0], args[1],
                Count(args, 2, "rounds", 40, minimum: 1),
                Count(args, 3, "passes per round", 10, minimum: 1),
                Count(args, 4, "warm-up rounds", 10, minimum: 0),
                workloadArgs);
        }

        private static int Count(string[] args, int index, string name, int fallback, int minimum)
        {
            if (args.Length <= index)
                return fallback;
            if (!int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < minimum)
                throw new UsageException($"{name} must be a whole number ≥ {minimum}, not '{args[index]}'");
            return value;
        }
    }
}
