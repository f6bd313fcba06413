using HybridProf.Generators.Model;
using HybridProf.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HybridProf.Generators.Tests.Model;

public class CompilationFactsReaderTests
{
    [Fact]
    public void Profiled_assembly_on_a_modern_framework()
    {
        var facts = CompilationFactsReader.Read(TestCompilation.Create("[assembly: HybridProf.Profile]", LanguageVersion.CSharp9));

        Assert.Equal(new CompilationFacts(ReferencesHybridProf: true, AssemblyProfiled: true, ModuleInitializer: true), facts);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.CSharp8)]
    public void No_module_initializer_before_csharp_9(LanguageVersion version)
    {
        var facts = CompilationFactsReader.Read(TestCompilation.Create("class C { }", version));

        Assert.Equal(new CompilationFacts(ReferencesHybridProf: true, AssemblyProfiled: false, ModuleInitializer: false), facts);
    }

    [Fact]
    public void No_module_initializer_where_the_framework_lacks_the_attribute()
    {
        // A framework without ModuleInitializerAttribute (netstandard2.0): no references at all here.
        var compilation = CSharpCompilation.Create("Old", new[] { CSharpSyntaxTree.ParseText("class C { }", new CSharpParseOptions(LanguageVersion.Latest)) });

        Assert.False(CompilationFactsReader.Read(compilation).ModuleInitializer);
    }

    [Fact]
    public void A_polyfilled_attribute_counts()
    {
        const string polyfill = "namespace System.Runtime.CompilerServices { internal sealed class ModuleInitializerAttribute : System.Attribute { } }";
        var compilation = CSharpCompilation.Create("Old", new[] { CSharpSyntaxTree.ParseText(polyfill, new CSharpParseOptions(LanguageVersion.Latest)) });

        Assert.True(CompilationFactsReader.Read(compilation).ModuleInitializer);
    }
}
