using System.Diagnostics;
using System.Globalization;
using HybridProf;
using HybridProf.Configuration;
using HybridProf.Formats;
using HybridProf.Model;

[assembly: Profile]

namespace HybridProf.Soak;

/// <summary>
/// Long runs and scale: THREADS threads walk random paths through 20 instrumented methods
/// (up to 30 deep, working at every level, so new stacks keep appearing), while a wall-mode
/// session samples at RATE Hz for MINUTES. Memory is printed every 30 s: it must level off
/// once the stack table reaches its cap, with the overflow counted under [truncated].
/// MAX-CALL-PATHS bounds the stack table (as HYBRIDPROF_MAX_CALL_PATHS does), to show the cap
/// in a short run. Usage: HybridProf.Soak [minutes=10] [threads=100] [rate=1000]
/// [output=soak.collapsed] [max-call-paths=1000000]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        double minutes = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        int rate = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
        string output = args.Length > 3 ? args[3] : "soak.collapsed";
        int maxCallPaths = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : ProfilerOptions.DefaultMaxCallPaths;

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
        var session = Profiler.Start(new ProfilerOptions { Mode = ProfileMode.Wall, RateHz = rate, MaxCallPaths = maxCallPaths });
        var workers = Enumerable.Range(0, threads).Select(i => new Thread(() => Walk(i, stop.Token)) { IsBackground = true }).ToList();
        workers.ForEach(w => w.Start());

        var clock = Stopwatch.StartNew();
        Console.WriteLine("elapsed_s  rss_mb  managed_mb  samples");
        while (!stop.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)))
            Report(clock, session.SampleCount);
        workers.ForEach(w => w.Join());
        Report(clock, session.SampleCount);

        var profile = session.Stop();
        profile.Save(output);
        long truncated = profile.Stacks.Where(s => profile.FrameNames(s).Contains("[truncated]")).Sum(s => s.Samples);
        Console.WriteLine(FormattableString.Invariant($"distinct stacks {profile.Stacks.Count}, samples {profile.TotalSamples}, under [truncated] {truncated} ({100.0 * truncated / Math.Max(1, profile.TotalSamples):0.0} %)"));
        return 0;
    }

    private static void Report(Stopwatch clock, long samples)
    {
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(FormattableString.Invariant($"{clock.Elapsed.TotalSeconds,9:0}  {self.WorkingSet64 / 1048576.0,6:0}  {GC.GetTotalMemory(false) / 1048576.0,10:0}  {samples}"));
    }

    private static void Walk(int seed, CancellationToken stop)
    {
        var random = new Random(seed);
        while (!stop.IsCancellationRequested)
        {
            Next(random, random.Next(1, 30));
        }
    }

    private static void Next(Random random, int depth)
    {
        switch (random.Next(20))
        {
            case 0: M0(random, depth); break;
            case 1: M1(random, depth); break;
            case 2: M2(random, depth); break;
            case 3: M3(random, depth); break;
            case 4: M4(random, depth); break;
            case 5: M5(random, depth); break;
            case 6: M6(random, depth); break;
            case 7: M7(random, depth); break;
            case 8: M8(random, depth); break;
            case 9: M9(random, depth); break;
            case 10: M10(random, depth); break;
            case 11: M11(random, depth); break;
            case 12: M12(random, depth); break;
            case 13: M13(random, depth); break;
            case 14: M14(random, depth); break;
            case 15: M15(random, depth); break;
            case 16: M16(random, depth); break;
            case 17: M17(random, depth); break;
            case 18: M18(random, depth); break;
            case 19: M19(random, depth); break;
        }
    }

    [NoProfile]
    private static void Work(Random random)
    {
        double x = random.NextDouble();
        for (int i = 0; i < 20_000; i++)
            x = Math.Sqrt(x + i);
        GC.KeepAlive(x);
    }

    private static void M0(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M1(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M2(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M3(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M4(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M5(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M6(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M7(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M8(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M9(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M10(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M11(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M12(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M13(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M14(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M15(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M16(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M17(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M18(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
    private static void M19(Random random, int depth) { Work(random); if (depth > 0) Next(random, depth - 1); }
}
