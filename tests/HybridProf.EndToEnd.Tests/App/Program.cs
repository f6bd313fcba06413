using System.Diagnostics;

[assembly: HybridProf.Profile]

namespace E2eApp;

/// <summary>A fresh app that knows HybridProf only through the package and the attribute above.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        string scenario = args.Length > 0 ? args[0] : "burn";
        double seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
        switch (scenario)
        {
            case "burn": Workloads.BurnThreeToOne(seconds); break;
            case "exceptions": Workloads.ThrowAndCatch(seconds); break;
            case "sleep": Workloads.SleepAndCompute(seconds); break;
            case "shapes": return Shapes.RunAll(seconds);
            case "async": AsyncWork.Run(seconds).GetAwaiter().GetResult(); break;
            case "asyncwait": AsyncWork.Sleepy(seconds).GetAwaiter().GetResult(); break;
            case "calls": Counted.Run(seconds); break;
            case "hot": Hot.Run(seconds); break;
            case "exit": Workloads.BurnThreeToOne(seconds); Environment.Exit(3); break;
            case "crash": Workloads.BurnThreeToOne(seconds); throw new InvalidOperationException("unhandled on purpose");
            case "serve": Console.WriteLine("ready"); Workloads.BurnThreeToOne(600); break;
            case "chatty": Workloads.BurnAndTalk(seconds); break;
            case "handoffs": HandOffs.Run(seconds); break;
            case "handoffwait": HandOffs.Waits(seconds); break;
            case "pending": PendingRequests.Run(seconds).GetAwaiter().GetResult(); break;
            case "children": Children.Run(seconds); break;
            case "child": Children.ChildWork(seconds); break;
            default: Console.Error.WriteLine($"unknown scenario {scenario}"); return 2;
        }
        Console.WriteLine("finished");
        return 0;
    }
}

public static class Workloads
{
    /// <summary>Burns CPU in instrumented code and prints a numbered line four times a second.</summary>
    public static void BurnAndTalk(double seconds)
    {
        var clock = Stopwatch.StartNew();
        for (int line = 1; clock.Elapsed.TotalSeconds < seconds; line++)
        {
            BurnThreeToOne(0.25);
            Console.WriteLine($"app line {line}");
        }
    }

    public static void BurnThreeToOne(double seconds)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            Heavy();
            Light();
        }
    }

    public static void Heavy() => Spin.For(3.0);

    public static void Light() => Spin.For(1.0);

    public static void ThrowAndCatch(double seconds)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            try
            {
                Thrower(3);
            }
            catch (InvalidOperationException)
            {
                AfterCatch();
            }
        }
    }

    private static void Thrower(int depth)
    {
        if (depth == 0)
        {
            Spin.For(1.0);
            throw new InvalidOperationException("thrown on purpose");
        }
        Thrower(depth - 1);
    }

    private static void AfterCatch() => Spin.For(2.0);

    public static void SleepAndCompute(double seconds)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            Sleeper();
            Light();
        }
    }

    private static void Sleeper() => Thread.Sleep(20);
}

/// <summary>
/// Calls whose numbers are known, for deterministic mode: 1000, 10, a recursion of depth 5,
/// then rounds of fixed work split 3:1 (fixed work, not fixed time: on a busy machine a
/// time-bound spin overshoots by the same slice whatever its length, which pulls the ratio to 1).
/// </summary>
public static class Counted
{
    public static void Run(double seconds)
    {
        for (int i = 0; i < 1000; i++)
            F();
        for (int i = 0; i < 10; i++)
            G();
        Recurse(5);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            ThreeUnits();
            OneUnit();
        }
    }

    private static long ThreeUnits() => Work(3_000_000);

    private static long OneUnit() => Work(1_000_000);

    [HybridProf.NoProfile]
    private static long Work(int n)
    {
        long acc = n;
        for (int i = 0; i < n; i++)
            acc = acc * 31 + i;
        return acc;
    }

    // Pinned: a one-line method is folded into its caller by default, and this test counts its calls.
    [HybridProf.Profile]
    private static int F() => 1;

    private static void G() => Spin.For(0.1);

    private static int Recurse(int depth) => depth <= 1 ? 1 : 1 + Recurse(depth - 1);
}

/// <summary>
/// A one-line method called millions of times (the number is the argument, in millions): in
/// such a method the marker is most of the cost, which is what <c>hybridprof tune</c> finds.
/// </summary>
public static class Hot
{
    public static void Run(double millions)
    {
        long sum = 0;
        int calls = (int)(millions * 1_000_000);
        for (int i = 0; i < calls; i++)
            sum = Add(sum, i);
        Console.WriteLine($"sum={sum}");
    }

    // A tiny loop that goes round more than twice: the size rule folds only the first rounds of a
    // small loop, so the call keeps its frame, and only the tune list can leave it out.
    private static long Add(long sum, int i)
    {
        for (int k = 0; k < 4; k++)
            sum += i & 7;
        return sum;
    }
}

/// <summary>Busy work whose time counts as the caller's own time (not instrumented).</summary>
[HybridProf.NoProfile]
public static class Spin
{
    public static void For(double milliseconds)
    {
        var clock = Stopwatch.StartNew();
        double x = 1;
        while (clock.Elapsed.TotalMilliseconds < milliseconds)
            x = Math.Sqrt(x + 1);
        GC.KeepAlive(x);
    }
}

/// <summary>Async methods, iterators, lambdas, local functions, generics: their frames must read like the source.</summary>
public static class Shapes
{
    public static int RunAll(double seconds)
    {
        var clock = Stopwatch.StartNew();
        int total = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            total += RunAsync().GetAwaiter().GetResult();
            total += Numbers().Sum();
            Func<int, int> twice = x => { Spin.For(0.2); return x * 2; };
            total += twice(3) + Local(4) + new Box<string>("s").Peek().Length;
        }
        Console.WriteLine($"finished {total > 0}");
        return 0;

        static int Local(int x)
        {
            Spin.For(0.2);
            return x + 1;
        }
    }

    private static async Task<int> RunAsync()
    {
        await Task.Yield();
        Spin.For(0.3);
        return 1;
    }

    private static IEnumerable<int> Numbers()
    {
        for (int i = 0; i < 3; i++)
        {
            Spin.For(0.1);
            yield return i;
        }
    }
}

public sealed class Box<T>
{
    private readonly T _value;

    public Box(T value) => _value = value;

    public T Peek()
    {
        Spin.For(0.2);
        return _value;
    }
}

/// <summary>Fan-out with CPU work in continuations that resume on pool threads.</summary>
public static class AsyncWork
{
    public static async Task Run(double seconds)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
            await Handle();
    }

    private static async Task Handle() => await Task.WhenAll(Load(), Load());

    private static async Task Load()
    {
        await Task.Yield();
        Parse();
        await Task.Delay(1).ConfigureAwait(false);
        Parse();
    }

    private static void Parse() => Spin.For(2.0);

    public static async Task Sleepy(double seconds)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
            await DelayLeaf();
    }

    private static async Task DelayLeaf() => await Task.Delay(50);
}
