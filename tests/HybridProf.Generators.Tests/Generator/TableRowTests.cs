using HybridProf.Generators.Tests.Infrastructure;
using HybridProf.Generators.Tests.Inputs;
using Microsoft.CodeAnalysis;

namespace HybridProf.Generators.Tests.Generator;

/// <summary>Specific fields of specific rows for the tricky shapes (parsed back from <c>Data</c>).</summary>
public class TableRowTests
{
    private static readonly IReadOnlyList<TableRow> s_shapes =
        GeneratorRun.Run(TestCompilation.Create(ShapesInput.Files, outputKind: OutputKind.ConsoleApplication)).Rows;

    [Fact]
    public void Ids_are_line_numbers_in_file_then_position_order()
    {
        Assert.Equal(Enumerable.Range(1, s_shapes.Count), s_shapes.Select(r => r.Id));
        var files = s_shapes.Select(r => r.File).ToList();
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
        Assert.Equal("/src/Shop/Cache.cs", s_shapes[0].File);
        Assert.Equal("Shop.Cache<TKey, TValue>..cctor", s_shapes[0].Display);
    }

    [Fact]
    public void Generic_nested_types_use_declaration_form_and_cecil_form()
    {
        var row = s_shapes.Row("Shop.Geometry.Outer<T>.Inner<U>.Deep.Convert");
        Assert.Equal("Shop.Geometry.Outer`1/Inner`1/Deep", row.Type);
        Assert.Equal("Convert", row.Member);
        Assert.Equal("T,Func`2<T,U>", row.Signature);

        var op = s_shapes.Row("Shop.Cache<TKey, TValue>.Entry<TTag>.implicit operator TValue");
        Assert.Equal(("operator", "Shop.Cache`2/Entry`1", "op_Implicit", "Entry`1<TTag>~TValue"), (op.Kind, op.Type, op.Member, op.Signature));
    }

    [Fact]
    public void Overloads_get_parameter_types_and_others_do_not()
    {
        Assert.Equal("String", s_shapes.Row("Shop.Text.Parser.Parse(string)").Signature);
        Assert.Equal("Int32,String", s_shapes.Row("Shop.Text.Parser.Parse(int, string)").Signature);
        var byRef = s_shapes.Row("Shop.Text.Parser.Parse(ref int, int[], List<int>, int[,])");
        Assert.Equal("Int32&,Int32[],List`1<Int32>,Int32[,]", byRef.Signature);
        Assert.Equal("Parse", byRef.Member);

        Assert.Equal("Int32~Vec", s_shapes.Row("Shop.Geometry.Vec.implicit operator Vec(int)").Signature);
        Assert.Equal("Int64~Vec", s_shapes.Row("Shop.Geometry.Vec.implicit operator Vec(long)").Signature);
        Assert.Equal("``1:T[],Func`2<T,T>", s_shapes.Row("Shop.Text.Parser.Map<T>").Signature);
        Assert.Equal("Int32", s_shapes.Row("Shop.Cache<TKey, TValue>..ctor(int)").Signature);
        Assert.Equal("", s_shapes.Row("Shop.Cache<TKey, TValue>..ctor()").Signature);
        Assert.Contains("Shop.Text.Parser.Map<T>", s_shapes.Displays());
        Assert.Contains("Shop.Geometry.Vec.explicit operator int", s_shapes.Displays());
    }

    [Theory]
    [InlineData("Shop.Cache<TKey, TValue>..cctor", "cctor", ".cctor")]
    [InlineData("Shop.Cache<TKey, TValue>.~Cache", "finalizer", "Finalize")]
    [InlineData("Shop.Cache<TKey, TValue>.Count.get", "accessor", "get_Count")]
    [InlineData("Shop.Cache<TKey, TValue>.this[].get", "accessor", "get_Item")]
    [InlineData("Shop.Cache<TKey, TValue>.this[].set", "accessor", "set_Item")]
    [InlineData("Shop.Cache<TKey, TValue>.Limit.init", "accessor", "set_Limit")]
    [InlineData("Shop.Cache<TKey, TValue>.Cleared.add", "accessor", "add_Cleared")]
    [InlineData("Shop.Cache<TKey, TValue>.Cleared.remove", "accessor", "remove_Cleared")]
    [InlineData("Shop.Geometry.Vec.operator +", "operator", "op_Addition")]
    [InlineData("Shop.Geometry.Vec.operator -", "operator", "op_UnaryNegation")]
    [InlineData("Shop.Geometry.Square.IShape.Perimeter", "method", "Shop.Geometry.IShape.Perimeter")]
    [InlineData("Shop.Geometry.Square.IEnumerable<int>.GetEnumerator", "method", "System.Collections.Generic.IEnumerable<System.Int32>.GetEnumerator")]
    [InlineData("Shop.Geometry.IShape.Perimeter", "method", "Perimeter")]
    [InlineData("GlobalHelper.Run", "method", "Run")]
    [InlineData("Program.Main", "main", "<Main>$")]
    public void Kinds_and_metadata_names(string display, string kind, string member)
    {
        var row = s_shapes.Row(display);
        Assert.Equal(kind, row.Kind);
        Assert.Equal(member, row.Member);
    }

    [Fact]
    public void Accessor_signatures_and_spans()
    {
        var setter = s_shapes.Row("Shop.Cache<TKey, TValue>.this[].set");
        Assert.Equal("TKey,TValue", setter.Signature);
        Assert.Equal(30, setter.Line);
        Assert.Equal("30:9-30:77", setter.Span);
        Assert.Equal("23:5-23:38", s_shapes.Row("Shop.Cache<TKey, TValue>.Count.get").Span);
        Assert.Equal("EventHandler", s_shapes.Row("Shop.Cache<TKey, TValue>.Cleared.add").Signature);
    }

    [Theory]
    [InlineData("Shop.Cache<TKey, TValue>.GetAsync", "a")]
    [InlineData("Shop.Cache<TKey, TValue>.Keys", "i")]
    [InlineData("Shop.Cache<TKey, TValue>.KeysAsync", "ai")]
    [InlineData("Shop.Geometry.Square.IEnumerable<int>.GetEnumerator", "i")]
    [InlineData("Shop.Text.Parser.Evens", "-")]
    [InlineData("Shop.Text.Parser.Evens.Iterate", "i")]
    [InlineData("Shop.Text.Parser.FetchAsync.One", "a")]
    [InlineData("Shop.Text.Parser.Lambdas.lambda3", "a")]
    [InlineData("Program.Main", "a")]
    public void Flags(string display, string flags) => Assert.Equal(flags, s_shapes.Row(display).Flags);

    [Fact]
    public void Lambdas_are_keyed_per_member_in_source_order_skipping_expression_trees_and_named_by_nesting()
    {
        var lambdas = s_shapes.Where(r => r.Member == "Lambdas" && r.Kind == "lambda").ToList();
        Assert.Equal(new[] { "lambda1", "lambda2", "lambda3", "lambda4", "lambda5", "lambda6" }, lambdas.Select(r => r.LocalKey));
        // Names follow the nesting, numbered within the function that holds them: the inner
        // lambda of a => b => a + b is lambda2.lambda1, the one in local function Local is Local.lambda1.
        Assert.Equal(
            new[] { "lambda1", "lambda2", "lambda2.lambda1", "lambda3", "lambda4", "Local.lambda1" }.Select(n => "Shop.Text.Parser.Lambdas." + n),
            lambdas.Select(r => r.Display));
        Assert.All(lambdas, r => Assert.Equal(("Shop.Text.Parser", "Int32[]"), (r.Type, r.Signature)));

        // a => b => a + b: the outer lambda starts first and holds the inner one.
        Assert.Equal("22:43-22:58", lambdas[1].Span);
        Assert.Equal("22:48-22:58", lambdas[2].Span);
        // The expression tree on line 23 is skipped; the async lambda on line 24 is next.
        Assert.Equal(24, lambdas[3].Line);
        // The lambda inside the local function counts in the enclosing method's key ordinal.
        Assert.Equal(31, lambdas[5].Line);
    }

    [Fact]
    public void Local_functions_belong_to_their_member()
    {
        var local = s_shapes.Row("Shop.Text.Parser.Lambdas.Local");
        Assert.Equal(("local", "Local", "Lambdas", "Int32[]"), (local.Kind, local.LocalKey, local.Member, local.Signature));
        Assert.Equal("29:9-33:10", local.Span);
    }

    [Fact]
    public void Top_level_statements_are_program_main()
    {
        var main = s_shapes.Row("Program.Main");
        Assert.Equal(("Program", "<Main>$", "String[]", "-"), (main.Type, main.Member, main.Signature, main.LocalKey));
        Assert.Equal(7, main.Line);
        Assert.Equal("7:1-16:2", main.Span);

        var report = s_shapes.Row("Program.Main.Report");
        Assert.Equal(("local", "<Main>$", "Report"), (report.Kind, report.Member, report.LocalKey));
        // The lambda inside local function Report is named under it, keyed by Main's ordinal.
        Assert.Equal(("lambda", "lambda2"), (s_shapes.Row("Program.Main.Report.lambda1").Kind, s_shapes.Row("Program.Main.Report.lambda1").LocalKey));
    }

    [Fact]
    public void Default_exclusions_and_no_profile()
    {
        var displays = s_shapes.Displays().ToList();
        Assert.DoesNotContain(displays, d => d.Contains("Name.", StringComparison.Ordinal));        // auto-property
        Assert.DoesNotContain(displays, d => d.Contains("Changed.", StringComparison.Ordinal));     // field-like event
        Assert.DoesNotContain(displays, d => d.Contains("Instances", StringComparison.Ordinal));    // auto-property, static
        Assert.DoesNotContain("Shop.Cache<TKey, TValue>.Inlined", displays);                         // AggressiveInlining
        Assert.Contains("Shop.Cache<TKey, TValue>.InlinedButProfiled", displays);                    // ... unless [Profile] on it
        Assert.DoesNotContain("Shop.Cache<TKey, TValue>.Hidden", displays);                          // [NoProfile]
        Assert.DoesNotContain(displays, d => d.StartsWith("Shop.Geometry.Quiet.", StringComparison.Ordinal) && !d.EndsWith(".Loud", StringComparison.Ordinal));
        Assert.Contains("Shop.Geometry.Quiet.Deeper.Loud", displays);                                // closest attribute wins
        Assert.DoesNotContain("Shop.Geometry.Shape.Area", displays);                                 // abstract
        Assert.DoesNotContain("Shop.Geometry.IShape.Area", displays);                                // interface member without body
        Assert.Equal(new[] { "Shop.Geometry.Point.Length" }, displays.Where(d => d.StartsWith("Shop.Geometry.Point.", StringComparison.Ordinal)));
        Assert.Equal(new[] { "Shop.Geometry.Split.OnChanged", "Shop.Geometry.Split.Touch" }, displays.Where(d => d.Contains("Split", StringComparison.Ordinal)));
        Assert.DoesNotContain(displays, d => d.Contains("Generated", StringComparison.Ordinal) || d.StartsWith("Shop.G.", StringComparison.Ordinal));
        Assert.DoesNotContain(displays, d => d.Contains("Handler", StringComparison.Ordinal));
    }

    [Fact]
    public void Lambdas_in_field_initializers_are_not_listed()
    {
        Assert.DoesNotContain(s_shapes, r => r.Kind == "lambda" && r.Type == "Shop.Cache`2");
    }

    [Fact]
    public void No_compiler_names_in_display_names()
    {
        Assert.All(s_shapes, r => Assert.DoesNotMatch(@"<Main>|<>|b__|d__|\$|`", r.Display));
    }
}
