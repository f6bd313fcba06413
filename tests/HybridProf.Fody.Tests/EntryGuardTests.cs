namespace HybridProf.Fody.Tests;

/// <summary>
/// Entry guards: a marked method pushes its marker after the checks at its start that return
/// at once, so a call that returns there is its caller's time, as a small method's is; the
/// stacks stay exact on both paths, after a throw in the guard, and around a loop that starts
/// where the guard ends. Each input is compiled with the generator, woven and run.
/// </summary>
public class EntryGuardTests
{
    private static readonly string Source = $$"""
        {{WovenSource.Preamble}}

        namespace Guard
        {
            [NoProfile]
            public static class Probe
            {
                public static string Stack() => string.Join(" > ", Profiler.CurrentStack());
            }

            public sealed class Counter
            {
                private int _count;

                public Counter(int count) => _count = count;

                // Marked (a loop); an instance field guards it.
                public string Drain()
                {
                    if (_count == 0)
                        return Shapes.Inner();
                    string seen = "";
                    while (_count > 0)
                    {
                        _count--;
                        seen = Shapes.Inner();
                    }
                    return seen;
                }
            }

            public static class Shapes
            {
                {{Via("Guarded")}}

                // Marked (a loop); returns at its guard when x <= 0.
                private static string Guarded(int x)
                {{ReturnsEarlyWhen("x <= 0")}}

                // Marked (a loop and a call out of sight).
                public static string Inner()
                {
                    string seen = "";
                    for (int i = 0; i < 1; i++)
                        seen = Probe.Stack();
                    return seen;
                }

                {{Via("SharedExit")}}

                // The guard returns through the same `return` as the loop: the weaver copies it.
                private static string SharedExit(int x)
                {
                    string seen = "none";
                    if (x > 0)
                    {
                        for (int i = 0; i < x; i++)
                            seen = "looped";
                    }
                    return seen + ": " + Inner();
                }

                {{Via("OutOfSightGuard")}}

                // Its check calls code out of sight: no guard, every call has a frame.
                private static string OutOfSightGuard(int x)
                {{ReturnsEarlyWhen("x <= 0 && Environment.GetEnvironmentVariable(\"GUARD_TEST_UNSET\") is null")}}

                public static string AfterAThrowInAGuard()
                {
                    string seen = "";
                    for (int i = 0; i < 1; i++)
                    {
                        try
                        {
                            Sum(null!);
                        }
                        catch (NullReferenceException)
                        {
                            seen = Inner();
                        }
                    }
                    return seen;
                }

                // The guard itself throws on null. (Its call to Inner, a marked method, keeps it from
                // running its first round unmarked instead: FirstRoundsTests.)
                public static int Sum(string text)
                {
                    if (text.Length == 0)
                        return -1;
                    int sum = 0;
                    foreach (char c in text)
                    {
                        if (c == '\0')
                            Inner();
                        sum += c;
                    }
                    return sum;
                }

                {{Via("LoopAtTheStart")}}

                // The marked part starts with a loop's first instruction, which the loop branches back to.
                private static string LoopAtTheStart(int x)
                {
                    if (x < 0)
                        return "negative";
                    string seen;
                    do
                    {
                        seen = Inner();
                        x--;
                    }
                    while (x > 0);
                    return seen;
                }

                {{Via("Down")}}

                // Calls itself: no entry guard, so its base case keeps its frame.
                private static string Down(int x)
                {
                    if (x <= 0)
                        return Inner();
                    return Down(x - 1);
                }

                {{Via("Pinned")}}

                // [Profile] on the method: every call has its frame.
                [Profile]
                private static string Pinned(int x)
                {{ReturnsEarlyWhen("x <= 0")}}

                public static string ViaCounter(int count) => new Counter(count).Drain();

                // Async methods and iterators keep their markers where they are.
                public static async Task<int> EarlyAsync(int x)
                {
                    if (x <= 0)
                        return 0;
                    await Task.Yield();
                    return x;
                }

                public static IEnumerable<int> EarlyItems(int x)
                {
                    if (x <= 0)
                        yield break;
                    for (int i = 0; i < x; i++)
                        yield return i;
                }
            }
        }
        """;

    // A caller with a loop (so it keeps its own frame) that calls the method once and returns what it saw.
    private static string Via(string method) =>
        $"public static string Via{method}(int x) {{ string seen = \"\"; for (int i = 0; i < 1; i++) seen = {method}(x); return seen; }}";

    // A body that returns Inner()'s stack at once when the condition holds, else loops (so it stays marked).
    private static string ReturnsEarlyWhen(string condition) =>
        $"{{ if ({condition}) return Inner(); string seen = \"\"; for (int i = 0; i < x; i++) seen = Inner(); return seen; }}";

    private static readonly Lazy<WovenSource> s_default = new(() => WovenSource.Build(Source, "Guard", limit: null));
    private static readonly Lazy<WovenSource> s_markEverything = new(() => WovenSource.Build(Source, "Guard", limit: "0"));

    [Fact]
    public void A_call_that_returns_at_the_guard_has_no_frame_and_one_that_passes_it_has()
    {
        Assert.Equal("Guard.Shapes.ViaGuarded > Guard.Shapes.Inner", s_default.Value.Call<string>("ViaGuarded", 0));
        Assert.Equal("Guard.Shapes.ViaGuarded > Guard.Shapes.Guarded > Guard.Shapes.Inner", s_default.Value.Call<string>("ViaGuarded", 2));
        Assert.Empty(Profiler.CurrentStack());
    }

    [Fact]
    public void A_guard_that_returns_through_the_methods_shared_return_gives_the_same_results()
    {
        Assert.Equal("none: Guard.Shapes.ViaSharedExit > Guard.Shapes.Inner", s_default.Value.Call<string>("ViaSharedExit", 0));
        Assert.Equal("looped: Guard.Shapes.ViaSharedExit > Guard.Shapes.SharedExit > Guard.Shapes.Inner", s_default.Value.Call<string>("ViaSharedExit", 3));
        Assert.Empty(Profiler.CurrentStack());
    }

    [Fact]
    public void An_instance_methods_guard_on_a_field()
    {
        Assert.Equal("Guard.Shapes.Inner", s_default.Value.Call<string>("ViaCounter", 0));
        Assert.Equal("Guard.Counter.Drain > Guard.Shapes.Inner", s_default.Value.Call<string>("ViaCounter", 2));
        Assert.Equal("g", s_default.Value.Flags["Guard.Counter.Drain"]);
    }

    [Fact]
    public void A_throw_inside_the_guard_leaves_no_frame_behind()
    {
        Assert.Equal("Guard.Shapes.AfterAThrowInAGuard > Guard.Shapes.Inner", s_default.Value.Call<string>("AfterAThrowInAGuard"));
        Assert.Equal(-1, s_default.Value.Call<int>("Sum", ""));
        Assert.Equal('a' + 'b', s_default.Value.Call<int>("Sum", "ab"));
        Assert.Equal("g", s_default.Value.Flags["Guard.Shapes.Sum"]);
        Assert.Empty(Profiler.CurrentStack());
    }

    [Fact]
    public void A_loop_may_start_where_the_guard_ends()
    {
        Assert.Equal("negative", s_default.Value.Call<string>("ViaLoopAtTheStart", -1));
        Assert.Equal("Guard.Shapes.ViaLoopAtTheStart > Guard.Shapes.LoopAtTheStart > Guard.Shapes.Inner", s_default.Value.Call<string>("ViaLoopAtTheStart", 3));
        Assert.Equal("g", s_default.Value.Flags["Guard.Shapes.LoopAtTheStart"]);
        Assert.Empty(Profiler.CurrentStack());
    }

    [Fact]
    public void A_check_that_calls_code_out_of_sight_is_no_guard()
    {
        Assert.Equal("Guard.Shapes.ViaOutOfSightGuard > Guard.Shapes.OutOfSightGuard > Guard.Shapes.Inner", s_default.Value.Call<string>("ViaOutOfSightGuard", 0));
        Assert.Equal("-", s_default.Value.Flags["Guard.Shapes.OutOfSightGuard"]);
    }

    [Fact]
    public void A_method_that_calls_itself_keeps_the_frame_of_its_base_case()
    {
        Assert.Equal("Guard.Shapes.ViaDown > Guard.Shapes.Down > Guard.Shapes.Down > Guard.Shapes.Inner", s_default.Value.Call<string>("ViaDown", 1));
        Assert.Equal("-", s_default.Value.Flags["Guard.Shapes.Down"]);
    }

    [Fact]
    public void Profile_on_the_method_and_limit_0_keep_every_calls_frame()
    {
        Assert.Equal("Guard.Shapes.ViaPinned > Guard.Shapes.Pinned > Guard.Shapes.Inner", s_default.Value.Call<string>("ViaPinned", 0));
        Assert.Equal("p", s_default.Value.Flags["Guard.Shapes.Pinned"]);
        Assert.Equal("Guard.Shapes.ViaGuarded > Guard.Shapes.Guarded > Guard.Shapes.Inner", s_markEverything.Value.Call<string>("ViaGuarded", 0));
        Assert.DoesNotContain(s_markEverything.Value.Flags, f => f.Value.Contains('g'));
        Assert.DoesNotContain("entry guard", s_markEverything.Value.Summary);
    }

    [Fact]
    public async Task Async_methods_and_iterators_keep_their_markers_where_they_are()
    {
        Assert.Equal(0, await (Task<int>)s_default.Value.Invoke("EarlyAsync", 0));
        Assert.Equal(2, await (Task<int>)s_default.Value.Invoke("EarlyAsync", 2));
        Assert.Equal(new[] { 0, 1 }, (IEnumerable<int>)s_default.Value.Invoke("EarlyItems", 2));
        Assert.Equal("a", s_default.Value.Flags["Guard.Shapes.EarlyAsync"]);
        Assert.Equal("i", s_default.Value.Flags["Guard.Shapes.EarlyItems"]);
    }

    [Fact]
    public void The_table_flags_guarded_methods_and_the_build_says_how_many()
    {
        var flags = s_default.Value.Flags;
        Assert.Equal("g", flags["Guard.Shapes.Guarded"]);
        Assert.Equal("g", flags["Guard.Shapes.SharedExit"]);
        Assert.Equal("-", flags["Guard.Shapes.Inner"]);
        int guarded = flags.Count(f => f.Value.Contains('g'));
        Assert.Contains($"{guarded} push their markers after their entry guards (a call that returns there is its caller's time).", s_default.Value.Summary);
    }
}
