using HybridProf.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace HybridProf.Generators.Tests.Generator;

/// <summary>
/// The tune list (hybridprof-tune.txt): the rows it names keep their place and id and get the
/// flag letter <c>t</c>; pinned methods and names that match nothing get a warning on their line.
/// </summary>
public class TuneListTests
{
    private const string Lexer = """
        [assembly: HybridProf.Profile]
        namespace Calc;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        class Lexer
        {
            int Peek() => 1;
            int Next() => Peek() + 1;
            int Read(int n) => n;
            int Read(string s) => s.Length;
            async Task<int> Fill() { await Task.Yield(); return 1; }
            IEnumerable<int> Tokens() { yield return Next(); }
            [HybridProf.Profile] int Pinned() { System.Func<int> f = () => 2; return f(); }
        }
        [HybridProf.Profile]
        class Chosen { int ByType() => 3; }
        """;

    private static GeneratorRun Run(string tuneList, string source = Lexer) =>
        GeneratorRun.Run(TestCompilation.Create(source), additionalFiles: new[] { TestAdditionalText.TuneList(tuneList) });

    private static string FlagsOf(GeneratorRun run, string display) => run.Rows.Row(display).Flags;

    [Fact]
    public void A_listed_method_gets_t_and_keeps_its_row_and_id()
    {
        var without = GeneratorRun.Run(TestCompilation.Create(Lexer));
        var with = Run("Calc.Lexer.Peek\n");

        Assert.Equal(without.Rows.Select(r => (r.Id, r.Display)), with.Rows.Select(r => (r.Id, r.Display)));
        Assert.Equal("t", FlagsOf(with, "Calc.Lexer.Peek"));
        Assert.All(with.Rows.Where(r => r.Display != "Calc.Lexer.Peek"), r => Assert.DoesNotContain('t', r.Flags));
        Assert.Empty(with.GeneratorDiagnostics);
    }

    [Fact]
    public void The_letter_follows_the_async_and_iterator_letters()
    {
        var run = Run("Calc.Lexer.Fill\nCalc.Lexer.Tokens\n");

        Assert.Equal("at", FlagsOf(run, "Calc.Lexer.Fill"));
        Assert.Equal("it", FlagsOf(run, "Calc.Lexer.Tokens"));
    }

    [Fact]
    public void Comments_blank_lines_surrounding_blanks_and_CRLF_are_ignored()
    {
        var run = Run("# methods left out\r\n\r\n   Calc.Lexer.Peek   # 90M calls\r\n#Calc.Lexer.Next\r\n\t\r\n");

        Assert.Equal("t", FlagsOf(run, "Calc.Lexer.Peek"));
        Assert.Equal("-", FlagsOf(run, "Calc.Lexer.Next"));
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void An_overload_is_named_with_its_parameter_types_as_profiles_show_it()
    {
        var run = Run("Calc.Lexer.Read(int)\nCalc.Lexer.Read\n");

        Assert.Equal("t", FlagsOf(run, "Calc.Lexer.Read(int)"));
        Assert.Equal("-", FlagsOf(run, "Calc.Lexer.Read(string)"));
        // Without its parameter types the name is not one the table has.
        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("HPROF003", warning.Id);
        Assert.Contains("'Calc.Lexer.Read'", warning.GetMessage());
    }

    [Fact]
    public void A_name_that_matches_nothing_is_a_warning_on_its_line()
    {
        var run = Run("# header\nCalc.Lexer.Peek\n  Calc.Lexer.Peeek # typo\n");

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("HPROF003", DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.Equal("'Calc.Lexer.Peeek' names no method of this assembly's method table, so it leaves nothing out", warning.GetMessage());
        var span = warning.Location.GetLineSpan();
        Assert.Equal("/src/hybridprof-tune.txt", span.Path);
        Assert.Equal((2, 2, 2, 18), (span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character));
        Assert.Equal("t", FlagsOf(run, "Calc.Lexer.Peek"));
    }

    [Fact]
    public void A_method_pinned_with_Profile_on_itself_keeps_its_marker_and_its_line_is_a_warning()
    {
        var run = Run("Calc.Lexer.Pinned\nCalc.Lexer.Pinned.lambda1\nCalc.Chosen.ByType\n");

        Assert.Equal("p", FlagsOf(run, "Calc.Lexer.Pinned"));
        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("HPROF004", warning.Id);
        Assert.Equal("'Calc.Lexer.Pinned' has [Profile] on itself, which keeps its marker: the tune list does not leave it out", warning.GetMessage());
        Assert.Equal(0, warning.Location.GetLineSpan().StartLinePosition.Line);
        // The pin is the member's own: its lambda, and a method selected through its type, can be left out.
        Assert.Equal("t", FlagsOf(run, "Calc.Lexer.Pinned.lambda1"));
        Assert.Equal("t", FlagsOf(run, "Calc.Chosen.ByType"));
    }

    [Fact]
    public void An_additional_file_the_build_did_not_mark_as_the_tune_list_is_not_read()
    {
        var unmarked = new TestAdditionalText("/src/hybridprof-tune.txt", "Calc.Lexer.Peek\nNo.Such.Method\n");

        var run = GeneratorRun.Run(TestCompilation.Create(Lexer), additionalFiles: new[] { unmarked });

        Assert.Equal("-", FlagsOf(run, "Calc.Lexer.Peek"));
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void Without_a_table_a_tune_list_warns_about_nothing()
    {
        var run = Run("Calc.Lexer.Peek\n", "class Plain { void M() { } }");

        Assert.Null(run.Source);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void The_woven_table_compiles_with_left_out_rows()
    {
        var run = Run("Calc.Lexer.Peek\nCalc.Lexer.Fill\n");

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}
