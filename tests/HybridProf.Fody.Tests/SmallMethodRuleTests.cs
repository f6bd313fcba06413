namespace HybridProf.Fody.Tests;

/// <summary>
/// The size rule: small straight-line methods that call only code the profile sees are left
/// unmarked and their time is their caller's; the stacks around them stay exact in ordinary,
/// async, iterator and lambda code. Each input is compiled with the generator, woven with the
/// rule and run.
/// </summary>
public class SmallMethodRuleTests
{
    private static readonly string Source = $$"""
        {{WovenSource.Preamble}}

        namespace Rule
        {
            [NoProfile]
            public static class Probe
            {
                public static string Stack() => string.Join(" > ", Profiler.CurrentStack());
            }

            // Out of the profile, but small and calling only building blocks: as cheap as one.
            [NoProfile]
            public static class Helpers
            {
                public static int Square(int x) => x * x;
            }

            // Its primary constructor has no body the generator could list.
            public readonly struct Wrapped(string value)
            {
                public readonly string Value = value;
            }

            public static class Shapes
            {
                // Marked: a loop.
                public static string Outer()
                {
                    string seen = "";
                    for (int i = 0; i < 1; i++)
                        seen = Small();
                    return seen;
                }

                // Folded: small, no loop, calls only listed code.
                private static string Small() => Inner();

                // Marked: a loop (and a call out of sight).
                private static string Inner()
                {
                    string seen = "";
                    for (int i = 0; i < 1; i++)
                        seen = Probe.Stack();
                    return seen;
                }

                public static string ViaPinned()
                {
                    string seen = "";
                    for (int i = 0; i < 1; i++)
                        seen = Pinned();
                    return seen;
                }

                // Marked: [Profile] on the method itself.
                [Profile]
                private static string Pinned() => Inner();

                // Marked, and the JIT may not inline it.
                [Profile, System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
                private static string PinnedOutOfLine() => Inner();

                public static string ViaWrapperOfUnseenCode()
                {
                    string seen = "";
                    for (int i = 0; i < 1; i++)
                        seen = Wrapper();
                    return seen;
                }

                // Marked although small: it hands its work to code the profile does not see.
                private static string Wrapper() => Probe.Stack();

                // A lambda marked for the same reason.
                public static string ViaLambdaOfUnseenCode()
                {
                    Func<string> probe = () => Probe.Stack();
                    return probe();
                }

                // Marked although small: recursive.
                public static int Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

                // Folded: arithmetic only.
                public static int Twice(int x) => x * 2;

                // Folded: the BCL's in-memory building blocks cost next to nothing.
                public static void Remember(List<string> seen, string item) => seen.Add(item.Trim());

                // Folded: a primary constructor, a small [NoProfile] helper and Rune cost next to nothing.
                public static Wrapped Wrap(string value) => new Wrapped(value);
                public static int SquarePlusOne(int x) => Helpers.Square(x) + 1;
                public static bool IsLetter(int c) => System.Text.Rune.IsLetter(new System.Text.Rune(c));

                // Marked: it hands its work to I/O, which the profile does not see.
                public static string Load(string path) => System.IO.File.ReadAllText(path);

                // Marked: the delegate may run anything.
                public static int Apply(Func<int, int> f, int x) => f(x);

                public static async Task<string> OuterAsync()
                {
                    string seen = await SmallTask();
                    return seen + " | after: " + Probe.Stack();
                }

                // Folded: a small method that returns another method's task.
                private static Task<string> SmallTask() => InnerAsync();

                private static async Task<string> InnerAsync()
                {
                    await Task.Yield();
                    return Probe.Stack();
                }

                public static string Consume()
                {
                    foreach (string seen in SmallItems())
                        return seen;
                    return "";
                }

                // Folded: returns another method's iterator.
                private static IEnumerable<string> SmallItems() => Items();

                private static IEnumerable<string> Items()
                {
                    yield return Probe.Stack();
                }

                public static string ThroughLambda()
                {
                    Func<string> small = () => Inner();
                    string seen = "";
                    for (int i = 0; i < 1; i++)
                        seen = small();
                    return seen;
                }

                // The lambda is folded (it only calls listed code) and alone in its closure, which
                // then carries the hand-over: the switch to the hander, with no frame of its own.
                public static string HandedFoldedLambda(int x)
                {
                    Func<string> small = () => InnerWith(x);
                    string seen = Task.Run(small).Result;
                    return seen + (small.Target is HybridProf.Markers.IHandOffCarrier ? " (carried)" : " (wrapped)");
                }

                private static string InnerWith(int x)
                {
                    string seen = "";
                    for (int i = 0; i < x; i++)
                        seen = Probe.Stack();
                    return seen;
                }

                public static string AfterAThrow()
                {
                    for (int i = 0; i < 1; i++)
                    {
                        try
                        {
                            Throws();
                        }
                        catch (InvalidOperationException)
                        {
                        }
                    }
                    return Probe.Stack();
                }

                public static string ViaMedium()
                {
                    string seen = "";
                    for (int i = 0; i < 1; i++)
                        seen = Medium(i);
                    return seen;
                }

                // Folded by the default limit (straight-line, between 64 and 128 bytes of IL).
                private static string Medium(int x)
                {
                    {{Steps(10)}}
                    return x == 1 ? "" : Inner();
                }

                public static string ViaLong()
                {
                    string seen = "";
                    for (int i = 0; i < 1; i++)
                        seen = Long(i);
                    return seen;
                }

                // Marked: straight-line, but over 128 bytes of IL.
                private static string Long(int x)
                {
                    {{Steps(20)}}
                    return x == 1 ? "" : Inner();
                }

                // Folded: building an exception that is thrown at once is cold code.
                private static int Throws() => throw new InvalidOperationException("on purpose");
            }
        }
        """;

    // Straight-line code of a known size: each step is 8 bytes of IL (ldarg.0, ldc.i4.s, mul, ldc.i4.7, add, starg.s).
    private static string Steps(int count) => string.Join("\n" + new string(' ', 20), Enumerable.Repeat("x = x * 31 + 7;", count));

    private static readonly Lazy<WovenSource> s_default = new(() => WovenSource.Build(Source, "Rule", limit: null));
    private static readonly Lazy<WovenSource> s_markEverything = new(() => WovenSource.Build(Source, "Rule", limit: "0"));
    private static readonly Lazy<WovenSource> s_limit64 = new(() => WovenSource.Build(Source, "Rule", limit: "64"));

    [Fact]
    public void A_folded_method_is_absent_and_its_callee_is_under_its_caller()
    {
        Assert.Equal("Rule.Shapes.Outer > Rule.Shapes.Inner", s_default.Value.Call("Outer"));
        Assert.Empty(Profiler.CurrentStack());
    }

    [Fact]
    public void Limit_0_marks_every_method()
    {
        Assert.Equal("Rule.Shapes.Outer > Rule.Shapes.Small > Rule.Shapes.Inner", s_markEverything.Value.Call("Outer"));
        Assert.DoesNotContain(s_markEverything.Value.Flags, f => f.Value.Contains('s'));
        Assert.DoesNotContain("folded", s_markEverything.Value.Summary);
    }

    [Fact]
    public void The_default_limit_is_128_bytes_of_IL_and_the_property_sets_another()
    {
        Assert.InRange(s_default.Value.CodeSize("Medium"), 65, 128);
        Assert.True(s_default.Value.CodeSize("Long") > 128);
        Assert.Equal("Rule.Shapes.ViaMedium > Rule.Shapes.Inner", s_default.Value.Call("ViaMedium"));
        Assert.Equal("Rule.Shapes.ViaLong > Rule.Shapes.Long > Rule.Shapes.Inner", s_default.Value.Call("ViaLong"));
        Assert.Equal("-", s_default.Value.Flags["Rule.Shapes.Long"]);
        Assert.Equal("Rule.Shapes.ViaMedium > Rule.Shapes.Medium > Rule.Shapes.Inner", s_limit64.Value.Call("ViaMedium"));
        Assert.Equal("s", s_limit64.Value.Flags["Rule.Shapes.Small"]);
        Assert.Contains("(IL ≤ 64 bytes, no loop, no call out of sight)", s_limit64.Value.Summary);
    }

    [Fact]
    public void Profile_on_the_method_itself_keeps_a_small_method_marked()
    {
        Assert.Equal("Rule.Shapes.ViaPinned > Rule.Shapes.Pinned > Rule.Shapes.Inner", s_default.Value.Call("ViaPinned"));
        Assert.Equal("p", s_default.Value.Flags["Rule.Shapes.Pinned"]);
    }

    [Fact]
    public void A_marked_method_the_JIT_is_likely_to_inline_finds_its_stack_by_thread_local_read()
    {
        // Small and straight-line: inlined into a caller's loop, the read is hoisted out of it.
        Assert.Equal("PushInlinable", s_default.Value.PushCalledBy("Pinned"));
        Assert.Equal("PushInlinable", s_default.Value.PushCalledBy("Wrapper"));
        // A loop or NoInlining: called, where the lookup by the machine stack's address is cheaper.
        Assert.Equal("Push", s_default.Value.PushCalledBy("Inner"));
        Assert.Equal("Push", s_default.Value.PushCalledBy("PinnedOutOfLine"));
        // A lambda runs through a delegate, never inlined into a caller's loop.
        Assert.Equal("Push", s_default.Value.PushCalledBy("<ViaLambdaOfUnseenCode>b__"));
        Assert.Equal("Rule.Shapes.ViaLambdaOfUnseenCode > Rule.Shapes.ViaLambdaOfUnseenCode.lambda1", s_default.Value.Call("ViaLambdaOfUnseenCode"));
        Assert.Equal("Rule.Shapes.ViaPinned > Rule.Shapes.Pinned > Rule.Shapes.Inner", s_default.Value.Call("ViaPinned"));
    }

    [Fact]
    public void A_small_method_that_calls_code_out_of_sight_keeps_its_frame()
    {
        Assert.Equal("Rule.Shapes.ViaWrapperOfUnseenCode > Rule.Shapes.Wrapper", s_default.Value.Call("ViaWrapperOfUnseenCode"));
    }

    [Fact]
    public void The_table_records_which_methods_were_folded_and_the_build_says_how_many()
    {
        var flags = s_default.Value.Flags;
        Assert.Equal("s", flags["Rule.Shapes.Small"]);
        Assert.Equal("s", flags["Rule.Shapes.Medium"]);
        Assert.Equal("s", flags["Rule.Shapes.Twice"]);
        Assert.Equal("s", flags["Rule.Shapes.SmallTask"]);
        Assert.Equal("s", flags["Rule.Shapes.SmallItems"]);
        Assert.Equal("s", flags["Rule.Shapes.Throws"]);
        Assert.Equal("s", flags["Rule.Shapes.ThroughLambda.lambda1"]);
        Assert.Equal("s", flags["Rule.Shapes.Remember"]);
        Assert.Equal("s", flags["Rule.Shapes.Wrap"]);
        Assert.Equal("s", flags["Rule.Shapes.SquarePlusOne"]);
        Assert.Equal("s", flags["Rule.Shapes.IsLetter"]);
        Assert.Equal("-", flags["Rule.Shapes.Load"]);
        Assert.Equal("-", flags["Rule.Shapes.Apply"]);
        Assert.Equal("-", flags["Rule.Shapes.Factorial"]); // recursive: no entry guard either
        Assert.Equal("-", flags["Rule.Shapes.Wrapper"]);
        Assert.Equal("-", flags["Rule.Shapes.Inner"]);
        Assert.Equal("a", flags["Rule.Shapes.InnerAsync"]);
        Assert.Equal(24, s_default.Value.Call<int>("Twice", 12));
        Assert.Equal(120, s_default.Value.Call<int>("Factorial", 5));
        Assert.Equal(26, s_default.Value.Call<int>("SquarePlusOne", 5));
        Assert.True(s_default.Value.Call<bool>("IsLetter", (int)'x'));
        int folded = flags.Count(f => f.Value.Contains('s'));
        Assert.Contains($"{folded} small ones (IL ≤ 128 bytes, no loop, no call out of sight) folded into their callers", s_default.Value.Summary);
    }

    [Fact]
    public async Task An_async_chain_through_a_folded_method_stays_exact_and_leaves_no_frame()
    {
        var task = (Task<string>)s_default.Value.Invoke("OuterAsync");
        string seen = await task;
        Assert.Equal("Rule.Shapes.OuterAsync > Rule.Shapes.InnerAsync | after: Rule.Shapes.OuterAsync", seen);
        Assert.Empty(Profiler.CurrentStack());
    }

    [Fact]
    public void An_iterator_returned_by_a_folded_method_steps_under_its_consumer()
    {
        Assert.Equal("Rule.Shapes.Consume > Rule.Shapes.Items", s_default.Value.Call("Consume"));
        Assert.Empty(Profiler.CurrentStack());
    }

    [Fact]
    public void A_folded_lambda_leaves_its_callee_under_the_caller()
    {
        Assert.Equal("Rule.Shapes.ThroughLambda > Rule.Shapes.Inner", s_default.Value.Call("ThroughLambda"));
    }

    [Fact]
    public void A_folded_lambda_handed_over_carries_its_hander_in_its_closure()
    {
        Assert.Equal("Rule.Shapes.HandedFoldedLambda > Rule.Shapes.InnerWith (carried)", s_default.Value.Call<string>("HandedFoldedLambda", 2));
    }

    [Fact]
    public void A_throw_through_a_folded_method_leaves_the_stack_exact()
    {
        Assert.Equal("Rule.Shapes.AfterAThrow", s_default.Value.Call("AfterAThrow"));
        Assert.Empty(Profiler.CurrentStack());
    }
}
