using HybridProf.Model;

namespace HybridProf.Tests.Formats;

/// <summary>Hand-built profiles with known weights, shared by the format tests.</summary>
internal static class SampleProfiles
{
    public static readonly Frame Main = new("Program.Main", "src/Shop/Program.cs", 3);
    public static readonly Frame Checkout = new("Shop.Checkout", "src/Shop/Shop.cs", 20);
    public static readonly Frame Parse = new("Shop.Parse(string)", "src/Shop/Parser.cs", 42);
    public static readonly Frame CacheGet = new("Shop.Cache<TKey, TValue>.Get", "src/Shop/Cache.cs", 7);
    public static readonly Frame Render = new("Shop.Render<T>", "src/Shop/Render.cs", 11);
    public static readonly Frame Tiny = new("Shop.Tiny", "src/Shop/Shop.cs", 90);
    public static readonly Frame Run = new("Worker.Run", "src/Shop/Worker.cs", 5);
    public static readonly Frame Fib = new("Worker.Fib", "src/Shop/Worker.cs", 14);
    public static readonly Frame Await = new("[await]");

    /// <summary>
    /// Two threads and the GC, 11,001 samples: <c>Shop.Parse(string)</c> on both threads (merged,
    /// 5,000), recursion in <c>Worker.Fib</c> (800), a generic name to escape, synthetic frames, and
    /// <c>Shop.Tiny</c> (1 sample, under 0.1%) that the flamegraph leaves out.
    /// </summary>
    public static Profile Shop(ProfileMode mode = ProfileMode.Cpu)
    {
        var builder = new ProfileBuilder();
        var main = new ProfileThread(1, "main");
        var worker = new ProfileThread(7, "worker");
        builder.AddStack(main, new[] { Main, Checkout, Parse }, 4000);
        builder.AddStack(main, new[] { Main, Checkout, CacheGet }, 2500);
        builder.AddStack(main, new[] { Main, Checkout }, 1000);
        builder.AddStack(main, new[] { Main, Checkout, Tiny }, 1);
        builder.AddStack(main, new[] { Main, Render }, 500);
        builder.AddStack(worker, new[] { Main, Checkout, Parse }, 1000);
        builder.AddStack(worker, new[] { Run, Fib, Fib, Fib }, 600);
        builder.AddStack(worker, new[] { Run, Fib, Fib }, 200);
        builder.AddStack(worker, new[] { Run, Await }, 300);
        builder.AddStack(worker, new[] { Run, Frame.Truncated }, 100);
        builder.AddStack(new ProfileThread(0, "[GC]"), new[] { Frame.GarbageCollection }, 800);
        int rate = mode == ProfileMode.Deterministic ? 0 : 100;
        return builder.Build(new ProfileMetadata(mode, rate, TimeSpan.FromSeconds(112.345), MissedTicks: 3, Observations: mode == ProfileMode.Deterministic ? 0 : 1234));
    }

    /// <summary>A profile of the given (name, weight) stacks on one thread, names split on <c>;</c>.</summary>
    public static Profile FromCollapsed(params (string Stack, long Weight)[] stacks)
    {
        var builder = new ProfileBuilder();
        var thread = new ProfileThread(1, "main");
        foreach (var (stack, weight) in stacks)
            builder.AddStack(thread, stack.Split(';').Select(name => new Frame(name)), weight);
        return builder.Build(new ProfileMetadata(ProfileMode.Cpu, 100, TimeSpan.FromSeconds(1)));
    }
}
