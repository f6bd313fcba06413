using HybridProf.Configuration;
using HybridProf.Model;

namespace HybridProf.Fody.Tests;

/// <summary>
/// First rounds: a small method that only its loop keeps marked runs its loop's first rounds
/// unmarked and pushes its marker when it goes round again, so a call whose loop runs at most
/// twice has no frame and one that goes on looping has it. Each input is compiled with the
/// generator, woven
/// and run: results as plain on every path, the frames seen by a sampler, and which methods
/// get first rounds.
/// </summary>
public class FirstRoundsTests
{
    private static readonly string Source = $$"""
        {{WovenSource.Preamble}}

        namespace Rounds
        {
            [NoProfile]
            public static class Probe
            {
                public static string Stack() => string.Join(" > ", Profiler.CurrentStack());
            }

            public static class Shapes
            {
                public static volatile bool Stop;

                // Small but for its loop, and calls nothing with a frame: first rounds unmarked.
                public static int Sum(int n)
                {
                    int sum = 0;
                    for (int i = 0; i < n; i++)
                        sum += i % 7;
                    return sum;
                }

                // Two loop heads: the push says which one the branch back was going to.
                public static int Nested(int n, int m)
                {
                    int total = 0;
                    for (int i = 0; i < n; i++)
                    {
                        for (int j = 0; j < m; j++)
                            total += (i + 1) * (j + 3);
                        total ^= i;
                    }
                    return total;
                }

                // Its test inside the loop: returns in the first, second or a later round.
                public static int FirstAbove(int[] values, int limit)
                {
                    int i = 0;
                    for (;;)
                    {
                        if (i >= values.Length)
                            return -1;
                        if (values[i] > limit)
                            return i;
                        i++;
                    }
                }

                // A state loop in an instance method: each case of its switch branches back.
                public static int Steps(int start) => new Machine().Run(start);

                // Over the size limit (a test checks): marked, every call with its frame.
                public static int Mixed(int[] values, int seed)
                {
                    int a = seed, b = seed * 3 + 1, c = seed ^ 0x55, d = seed - 7;
                    for (int i = 0; i < values.Length; i++)
                    {
                        int v = values[i];
                        a = a * 31 + v; b ^= a + (v << 3); c += b % 17 - v; d = d * 7 + (c >> 2);
                        if (a + b + c + d == v)
                            return i;
                        a ^= b + c; b += c * d; c -= d ^ a; d += a & 0xFF;
                        a = a * 37 + v; b ^= a + (v << 5);
                    }
                    return a + b + c + d;
                }

                // Calls a marked method in its loop: no first rounds, or that call would show under its caller.
                public static string CallsMarked(int n)
                {
                    string seen = "";
                    for (int i = 0; i < n; i++)
                        seen = Inner();
                    return seen;
                }

                public static string Inner()
                {
                    string seen = "";
                    for (int i = 0; i < 1; i++)
                        seen = Probe.Stack();
                    return seen;
                }

                // Keeps calling Sum(n) until stopped, for a sampler to see where the time goes.
                public static long Hammer(int n)
                {
                    long total = 0;
                    while (!Stop)
                        total += Sum(n);
                    return total;
                }
            }

            public sealed class Machine
            {
                private int _visits;

                public int Run(int state)
                {
                    while (true)
                    {
                        _visits++;
                        switch (state)
                        {
                            case 0: state = 2; break;
                            case 1: return _visits * 10;
                            case 2: state = 3; break;
                            case 3: state = 1; break;
                            default: return -_visits;
                        }
                    }
                }
            }
        }
        """;

    private static readonly Lazy<WovenSource> s_default = new(() => WovenSource.Build(Source, "Rounds", limit: null));
    private static readonly Lazy<WovenSource> s_markEverything = new(() => WovenSource.Build(Source, "Rounds", limit: "0"));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    public void Results_are_the_plain_methods_on_every_path(int n)
    {
        var woven = s_default.Value;
        var values = Enumerable.Range(0, n).ToArray();
        object[][] calls =
        [
            ["Sum", n], ["Nested", n, n + 1], ["Nested", n, 0], ["Steps", n % 5], ["Mixed", values, n],
            ["FirstAbove", values, n - 2], ["FirstAbove", values, -1], ["FirstAbove", values, n],
        ];
        foreach (var call in calls)
            Assert.Equal(woven.CallPlain<int>((string)call[0], call[1..]), woven.Call<int>((string)call[0], call[1..]));
        Assert.Equal(n - 1, woven.Call<int>("FirstAbove", values, n - 2));
        Assert.Empty(Profiler.CurrentStack());
    }

    [Fact]
    public void A_throw_in_the_first_round_leaves_no_frame_behind()
    {
        var thrown = Assert.Throws<System.Reflection.TargetInvocationException>(() => s_default.Value.Invoke("FirstAbove", null!, 0));
        Assert.IsType<NullReferenceException>(thrown.InnerException);
        Assert.Empty(Profiler.CurrentStack());
    }

    [Fact]
    public void A_state_loop_resumes_in_the_state_it_went_round_with()
    {
        // 0 → 2 → 3 → 1: four visits; 4 is out at once; 3 → 1: two.
        Assert.Equal(40, s_default.Value.Call<int>("Steps", 0));
        Assert.Equal(-1, s_default.Value.Call<int>("Steps", 4));
        Assert.Equal(20, s_default.Value.Call<int>("Steps", 3));
        Assert.Equal("g", s_default.Value.Flags["Rounds.Machine.Run"]);
    }

    [Fact]
    public void Which_methods_run_their_first_rounds_unmarked()
    {
        var flags = s_default.Value.Flags;
        Assert.Equal("g", flags["Rounds.Shapes.Sum"]);
        Assert.Equal("g", flags["Rounds.Shapes.Nested"]);
        Assert.Equal("g", flags["Rounds.Shapes.FirstAbove"]);
        // Over the size limit, a marked callee, a call out of sight, or the limit 0: every call has its frame.
        Assert.True(s_default.Value.PlainCodeSize("Mixed") > 128);
        Assert.Equal("-", flags["Rounds.Shapes.Mixed"]);
        Assert.Equal("-", flags["Rounds.Shapes.CallsMarked"]);
        Assert.Equal("-", flags["Rounds.Shapes.Inner"]);
        Assert.Equal("Rounds.Shapes.CallsMarked > Rounds.Shapes.Inner", s_default.Value.Call<string>("CallsMarked", 1));
        int rounds = flags.Count(f => f.Value.Contains('g'));
        Assert.Contains($"; {rounds} small ones push their markers when their loops go round again (a call that loops at most twice is its caller's time)", s_default.Value.Summary);
        Assert.DoesNotContain(s_markEverything.Value.Flags, f => f.Value.Contains('g'));
        Assert.Equal(Enumerable.Range(0, 5).Sum(i => i % 7), s_markEverything.Value.Call<int>("Sum", 5));
    }

    [Fact]
    public void A_debugger_finds_the_methods_lines_and_locals_in_each_copy()
    {
        var (whole, _) = s_markEverything.Value.DebugInformation("Sum");
        var (woven, scopeStart) = s_default.Value.DebugInformation("Sum");
        Assert.True(whole.Count >= 3, $"{whole.Count} sequence points");
        var lines = whole.Select(p => p.Line).ToList();
        // Three unmarked copies, then the marked body.
        Assert.Equal(Enumerable.Repeat(lines, 4).SelectMany(l => l), woven.Select(p => p.Line));
        Assert.Equal(woven.Select(p => p.Offset).Order(), woven.Select(p => p.Offset));
        Assert.Equal(woven.Count, woven.Select(p => p.Offset).Distinct().Count());
        // The locals are in scope from the first copy on.
        Assert.Equal(0, scopeStart);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_call_whose_loop_runs_at_most_twice_has_no_frame(int n)
    {
        var stacks = SampledWhileHammering(n);
        Assert.True(stacks.GetValueOrDefault("Rounds.Shapes.Hammer") > 20, Describe(stacks));
        Assert.DoesNotContain(stacks.Keys, k => k.Contains("Rounds.Shapes.Sum"));
    }

    [Fact]
    public void A_call_that_goes_on_looping_has_its_frame()
    {
        var stacks = SampledWhileHammering(100_000);
        Assert.True(stacks.GetValueOrDefault("Rounds.Shapes.Hammer;Rounds.Shapes.Sum") > 20, Describe(stacks));
    }

    private static Dictionary<string, long> SampledWhileHammering(int n)
    {
        var woven = s_default.Value;
        var stop = woven.Type.GetField("Stop")!;
        stop.SetValue(null, false);
        var hammer = new Thread(() => woven.Call<long>("Hammer", n)) { IsBackground = true };
        hammer.Start();
        Profile profile;
        try
        {
            var session = Profiler.Start(new ProfilerOptions { RateHz = 500 });
            Thread.Sleep(400);
            profile = session.Stop();
        }
        finally
        {
            stop.SetValue(null, true);
            hammer.Join();
        }
        return profile.Stacks
            .Select(s => (Names: profile.FrameNames(s).ToList(), s.Samples))
            .Where(s => s.Names.Count > 0 && s.Names[0] == "Rounds.Shapes.Hammer")
            .GroupBy(s => string.Join(";", s.Names))
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Samples));
    }

    private static string Describe(Dictionary<string, long> stacks) =>
        "stacks: " + string.Join(", ", stacks.Select(kv => $"{kv.Key} = {kv.Value}"));
}
