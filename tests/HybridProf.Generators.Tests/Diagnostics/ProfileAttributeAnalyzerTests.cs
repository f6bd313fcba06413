using System.Collections.Immutable;
using HybridProf.Generators.Diagnostics;
using HybridProf.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HybridProf.Generators.Tests.Diagnostics;

public class ProfileAttributeAnalyzerTests
{
    [Theory]
    [InlineData("abstract class C { [HybridProf.Profile] public abstract void M(); }", "C.M()")]
    [InlineData("class C { [HybridProf.Profile] static extern void M(); }", "C.M()")]
    [InlineData("interface I { [HybridProf.Profile] void M(); }", "I.M()")]
    [InlineData("class C { [HybridProf.Profile] public int P { get; set; } }", "C.P")]
    [InlineData("class C { [HybridProf.Profile] public event System.Action? E; }", "C.E")]
    [InlineData("partial class C { [HybridProf.Profile] partial void M(); }", "C.M()")]
    [InlineData("class C { public int P { [HybridProf.Profile] get; set; } }", "C.P.get")]
    public void HPROF001_Profile_on_a_member_without_a_body(string source, string name)
    {
        var diagnostic = Assert.Single(Analyze(source));

        Assert.Equal("HPROF001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal($"[Profile] on '{name}' has no effect: it has no body to instrument", diagnostic.GetMessage());
        Assert.Equal("HybridProf.Profile", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Theory]
    [InlineData("class C { [HybridProf.Profile] void M() { } }")]
    [InlineData("class C { [HybridProf.Profile] int M() => 1; }")]
    [InlineData("partial class C { [HybridProf.Profile] partial void M(); partial void M() { } }")]
    [InlineData("class C { [HybridProf.Profile] int P { get => 1; set { } } }")]
    [InlineData("class C { [HybridProf.Profile] int P => 1; }")]
    [InlineData("class C { [HybridProf.Profile] int this[int i] => i; }")]
    [InlineData("class C { [HybridProf.Profile] event System.Action E { add { } remove { } } }")]
    [InlineData("interface I { [HybridProf.Profile] void M() { } }")]
    [InlineData("[HybridProf.Profile] abstract class C { public abstract void M(); }")]
    [InlineData("[assembly: HybridProf.Profile] abstract class C { public abstract void M(); }")]
    [InlineData("class C { [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining), HybridProf.Profile] void M() { } }")]
    public void No_diagnostic_where_the_attributes_make_sense(string source)
    {
        Assert.Empty(Analyze(source));
    }

    [Theory]
    [InlineData("class C { [HybridProf.Profile, HybridProf.NoProfile] void M() { } }", "C.M()")]
    [InlineData("[HybridProf.Profile][HybridProf.NoProfile] class C { }", "C")]
    [InlineData("[HybridProf.NoProfile] partial class C { } [HybridProf.Profile] partial class C { }", "C")]
    [InlineData("struct S { [HybridProf.Profile, HybridProf.NoProfile] int P => 1; }", "S.P")]
    public void HPROF002_Profile_and_NoProfile_on_one_symbol(string source, string name)
    {
        var diagnostic = Assert.Single(Analyze(source));

        Assert.Equal("HPROF002", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal($"'{name}' has both [Profile] and [NoProfile]; [NoProfile] wins", diagnostic.GetMessage());
    }

    [Fact]
    public void Both_diagnostics_on_one_bodiless_member()
    {
        var ids = Analyze("abstract class C { [HybridProf.Profile, HybridProf.NoProfile] public abstract void M(); }").Select(d => d.Id);

        Assert.Equal(new[] { "HPROF001", "HPROF002" }, ids.Order());
    }

    [Fact]
    public void Nothing_without_a_HybridProf_reference()
    {
        var compilation = TestCompilation.Create(new[] { ("/src/A.cs", "abstract class C { public abstract void M(); }") }, referenceHybridProf: false);

        Assert.Empty(Analyze(compilation));
    }

    [Fact]
    public void The_catalogue_lists_each_id_once()
    {
        var ids = new ProfileAttributeAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToList();

        Assert.Equal(new[] { "HPROF001", "HPROF002" }, ids);
    }

    [Fact]
    public void The_generator_reports_nothing_itself()
    {
        var run = GeneratorRun.Run(TestCompilation.Create("abstract class C { [HybridProf.Profile, HybridProf.NoProfile] public abstract void M(); }"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Null(run.Source);
    }

    private static ImmutableArray<Diagnostic> Analyze(string source) => Analyze(TestCompilation.Create(source));

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ProfileAttributeAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }
}
