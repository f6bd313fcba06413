using HybridProf.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace HybridProf.Generators.Tests.Generator;

/// <summary>Which methods are instrumented: attributes, the closest one winning, default exclusions.</summary>
public class SelectionTests
{
    [Fact]
    public void Profile_on_a_method_selects_only_that_method_and_its_nested_functions()
    {
        var rows = Table.Of("""
            using System;
            class C
            {
                [HybridProf.Profile]
                int Chosen() { Func<int> f = () => 1; return f() + Local(); int Local() => 2; }
                int Other() => 3;
            }
            """);

        Assert.Equal(new[] { "C.Chosen", "C.Chosen.lambda1", "C.Chosen.Local" }, rows.Displays());
    }

    [Fact]
    public void Profile_on_a_property_or_event_selects_its_accessors()
    {
        var rows = Table.Of("""
            using System;
            class C
            {
                int _x;
                [HybridProf.Profile] int X { get => _x; set => _x = value; }
                [HybridProf.Profile] event EventHandler E { add { } remove { } }
                int Y { [HybridProf.Profile] get => 1; set { } }
                [HybridProf.Profile] int this[int i] => i;
            }
            """);

        Assert.Equal(new[] { "C.X.get", "C.X.set", "C.E.add", "C.E.remove", "C.Y.get", "C.this[].get" }, rows.Displays());
    }

    [Fact]
    public void The_closest_attribute_wins()
    {
        var rows = Table.Of("""
            [assembly: HybridProf.Profile]
            [HybridProf.NoProfile]
            class Outer
            {
                void A() { }
                [HybridProf.Profile]
                class Middle
                {
                    void B() { }
                    [HybridProf.NoProfile] void C() { }
                    class Inner { void D() { } }
                    [HybridProf.NoProfile]
                    class Quiet { void E() { } [HybridProf.Profile] void F() { } }
                }
            }
            class Plain { void G() { } [HybridProf.NoProfile] int H { get { return 1; } } }
            """);

        Assert.Equal(new[] { "Outer.Middle.B", "Outer.Middle.Inner.D", "Outer.Middle.Quiet.F", "Plain.G" }, rows.Displays());
    }

    [Fact]
    public void Profile_on_one_part_of_a_partial_type_covers_the_other_parts()
    {
        var rows = Table.Of("""
            [HybridProf.Profile] partial class P { void A() { } }
            partial class P { void B() { } partial void Hook(); partial void Hook() { } }
            """);

        Assert.Equal(new[] { "P.A", "P.B", "P.Hook" }, rows.Displays());
    }

    [Fact]
    public void Attributes_on_a_partial_method_definition_reach_its_implementation()
    {
        var rows = Table.Of("""
            partial class P
            {
                [HybridProf.Profile] partial void Hook();
                partial void Hook() { }
                void Other() { }
            }
            """);

        Assert.Equal("P.Hook", Assert.Single(rows).Display);
    }

    [Fact]
    public void Nested_functions_follow_their_member_unless_they_carry_an_attribute()
    {
        var rows = Table.Of("""
            using System;
            using System.Runtime.CompilerServices;
            [assembly: HybridProf.Profile]
            class C
            {
                void M()
                {
                    Func<int> a = [HybridProf.NoProfile] () => 1;
                    Func<int> b = () => 2;
                    a(); b(); Quiet(); Inlined(); Loud();

                    [HybridProf.NoProfile]
                    void Quiet() { Action inner = () => { }; inner(); }

                    [MethodImpl(MethodImplOptions.AggressiveInlining)]
                    void Inlined() { }

                    [HybridProf.Profile, MethodImpl(MethodImplOptions.AggressiveInlining)]
                    void Loud() { }
                }

                [HybridProf.NoProfile]
                void N()
                {
                    Chosen();
                    Action skipped = () => { };
                    skipped();

                    [HybridProf.Profile]
                    void Chosen() { Action inside = () => { }; inside(); }
                }
            }
            """);

        Assert.Equal(
            new[] { "C.M", "C.M.lambda2", "C.M.Loud", "C.N.Chosen", "C.N.Chosen.lambda1" },
            rows.Displays());
        // Excluded lambdas still take their key numbers: M's lambda3 is inside the excluded Quiet;
        // the one inside Chosen is N's lambda2 by key (after `skipped`), Chosen.lambda1 by name.
        Assert.Equal("lambda2", rows.Single(r => r.Display == "C.N.Chosen.lambda1").LocalKey);
        Assert.DoesNotContain(rows, r => r.LocalKey == "lambda3");
    }

    [Fact]
    public void AggressiveInlining_is_excluded_unless_the_member_itself_says_Profile()
    {
        var rows = Table.Of("""
            using System.Runtime.CompilerServices;
            [HybridProf.Profile]
            class C
            {
                [MethodImpl(MethodImplOptions.AggressiveInlining)] int A() => 1;
                [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)] int B() => 2;
                [MethodImpl(MethodImplOptions.NoInlining)] int C2() => 3;
                [HybridProf.Profile, MethodImpl(MethodImplOptions.AggressiveInlining)] int D() => 4;
                [HybridProf.Profile] int P { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => 5; }
            }
            """);

        Assert.Equal(new[] { "C.C2", "C.D", "C.P.get" }, rows.Displays());
    }

    [Fact]
    public void Top_level_statements_without_awaits_are_not_async()
    {
        var rows = Table.Of("""
            [assembly: HybridProf.Profile]
            System.Console.WriteLine(Local());
            static int Local() => 1;
            """, outputKind: OutputKind.ConsoleApplication);

        Assert.Equal(new[] { "Program.Main", "Program.Main.Local" }, rows.Displays());
        Assert.Equal("-", rows.Row("Program.Main").Flags);
        Assert.Equal("2:1-3:25", rows.Row("Program.Main").Span);
    }

    [Fact]
    public void A_partial_program_class_can_exclude_the_top_level_statements()
    {
        var compilation = TestCompilation.Create(new[]
        {
            ("/src/Main.cs", "[assembly: HybridProf.Profile]\nSystem.Console.WriteLine(Program.Helper());"),
            ("/src/Program.cs", "[HybridProf.NoProfile] partial class Program { [HybridProf.Profile] public static int Helper() => 1; }"),
        }, outputKind: OutputKind.ConsoleApplication);

        Assert.Equal(new[] { "Program.Helper" }, GeneratorRun.Run(compilation).Rows.Displays());
    }
}
