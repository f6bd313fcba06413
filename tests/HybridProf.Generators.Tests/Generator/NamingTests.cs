using HybridProf.Generators.Tests.Infrastructure;
using HybridProf.Generators.Tests.Inputs;

namespace HybridProf.Generators.Tests.Generator;

/// <summary>Display names and canonical signatures for parameter and member shapes.</summary>
public class NamingTests
{
    private static readonly IReadOnlyList<TableRow> s_rows = Table.Of(SignaturesInput.Source);

    [Theory]
    [InlineData("Sig.Kinds.Pointers", "Int32*,fnptr,Void**")]
    [InlineData("Sig.Kinds.Dyn", "Object,Object")]
    [InlineData("Sig.Kinds.Tuples", "ValueTuple`2<Int32,String>,ValueTuple`8<Int32,Int32,Int32,Int32,Int32,Int32,Int32,ValueTuple`1<Int32>>")]
    [InlineData("Sig.Kinds.Natives", "IntPtr,UIntPtr,IntPtr")]
    [InlineData("Sig.Kinds.Nullables", "Nullable`1<Int32>,String,List`1<String>")]
    [InlineData("Sig.Kinds.Refs", "Int32&,Int32&,String&,Int32&")]
    // C# `int[][,]` is an array of rank-2 arrays: the canonical form (like metadata) reads inside out.
    [InlineData("Sig.Kinds.Jagged", "Int32[][],Int32[,,],Int32[,][]")]
    [InlineData("Sig.Kinds.Params", "Object[]")]
    [InlineData("Sig.Outer<T>.Inner.Take", "Inner,Outer`1<T>,Inner")]
    [InlineData("Sig.Outer<T>.Echo", "T,Dictionary`2<String,List`1<T>>")]
    [InlineData("Sig.Kinds.Get", "String")]
    [InlineData("Sig.Kinds.Get<T>", "``1:String")]
    [InlineData("Sig.Kinds.Get<T, U>", "``2:String")]
    [InlineData("Sig.Outer<T>.Over<U>(U[])", "``1:U[]")]
    [InlineData("Sig.Kinds.implicit operator int", "Kinds~Int32")]
    [InlineData("Sig.Kinds.implicit operator long", "Kinds~Int64")]
    public void Canonical_signatures(string display, string signature) =>
        Assert.Equal(signature, s_rows.Row(display).Signature);

    [Fact]
    public void Keywords_are_unescaped_and_async_void_is_async()
    {
        Assert.Equal("event", s_rows.Row("Sig.Kinds.event").Member);
        Assert.Equal("a", s_rows.Row("Sig.Events.Fire").Flags);
    }

    [Fact]
    public void Nested_functions_are_named_by_their_nesting_and_keyed_by_their_own_name()
    {
        Assert.Equal(
            new[] { "Sig.Events.Nest", "Sig.Events.Nest.lambda1", "Sig.Events.Nest.lambda1.InLambda", "Sig.Events.Nest.Outer", "Sig.Events.Nest.Outer.Inner" },
            s_rows.Displays().Where(d => d.StartsWith("Sig.Events.Nest", StringComparison.Ordinal)));
        var inner = s_rows.Row("Sig.Events.Nest.Outer.Inner");
        Assert.Equal(("local", "Nest", "Inner"), (inner.Kind, inner.Member, inner.LocalKey));
    }

    [Fact]
    public void File_local_types_read_as_declared_and_keep_their_metadata_name()
    {
        var row = s_rows.Row("Sig.Hidden.Secret");

        Assert.StartsWith("Sig.<", row.Type, StringComparison.Ordinal);
        Assert.EndsWith("__Hidden", row.Type, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sig.Kinds.operator checked +", "op_CheckedAddition")]
    [InlineData("Sig.Kinds.operator +", "op_Addition")]
    [InlineData("Sig.Kinds.operator true", "op_True")]
    [InlineData("Sig.Kinds.operator false", "op_False")]
    public void Operators(string display, string member) => Assert.Equal(member, s_rows.Row(display).Member);

    [Fact]
    public void Generic_overloads_get_parameters_only_when_they_read_alike()
    {
        Assert.Contains("Sig.Outer<T>.Over<U>(U)", s_rows.Displays());
        Assert.Contains("Sig.Outer<T>.Over<U>(U[])", s_rows.Displays());
        Assert.Contains("Sig.Outer<T>.Over", s_rows.Displays());
        Assert.Equal("Over", s_rows.Row("Sig.Outer<T>.Over.lambda1").Member);
    }

    [Fact]
    public void Explicit_generic_interface_implementations()
    {
        var toString = s_rows.Row("Sig.Converter.IConverter<int, string>.Convert");
        Assert.Equal(("Sig.IConverter<System.Int32,System.String>.Convert", "Int32"), (toString.Member, toString.Signature));
        Assert.Equal("Sig.IConverter<System.String,System.Int32>.get_Size", s_rows.Row("Sig.Converter.IConverter<string, int>.Size.get").Member);
        Assert.Contains("Sig.Converter.IConverter<int, string>.Size.get", s_rows.Displays());
    }

    [Fact]
    public void Overloaded_indexers_show_their_index_types()
    {
        Assert.Equal("Int32", s_rows.Row("Sig.Converter.this[int].get").Signature);
        Assert.Equal("String", s_rows.Row("Sig.Converter.this[string].get").Signature);
        Assert.Equal("String,Int32", s_rows.Row("Sig.Converter.this[string].set").Signature);
    }

    [Fact]
    public void Only_instrumented_overloads_count()
    {
        var rows = Table.Of("""
            static class P
            {
                [HybridProf.Profile] public static int Parse(string s) => 0;
                public static int Parse(int i) => i;
            }
            """);

        Assert.Equal("P.Parse", Assert.Single(rows).Display);
    }

    [Fact]
    public void Lambdas_and_local_functions_of_overloads_carry_the_overload_name()
    {
        var rows = Table.Of("""
            using System;
            [HybridProf.Profile]
            static class P
            {
                public static int Parse(string s) { Func<int> f = () => 1; return f(); }
                public static int Parse(ref int i) { return Local(); int Local() => 2; }
            }
            """);

        Assert.Equal(
            new[] { "P.Parse(string)", "P.Parse(string).lambda1", "P.Parse(ref int)", "P.Parse(ref int).Local" },
            rows.Displays());
    }

    [Fact]
    public void File_paths_keep_their_characters_except_tabs_and_newlines()
    {
        string path = "C:\\src\\\"odd\" dir\\tab\there\\ünï.cs";
        var compilation = TestCompilation.Create(new[] { (path, "[assembly: HybridProf.Profile] class C { void M() { } }") });

        var row = Assert.Single(GeneratorRun.Run(compilation).Rows);

        Assert.Equal("C:\\src\\\"odd\" dir\\tab here\\ünï.cs", row.File);
    }
}
