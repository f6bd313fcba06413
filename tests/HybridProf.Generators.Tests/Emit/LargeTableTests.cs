using System.Text;
using HybridProf.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HybridProf.Generators.Tests.Emit;

public class LargeTableTests
{
    [Fact]
    public void A_table_of_many_thousand_methods_compiles_as_one_constant()
    {
        const int count = 5_000;
        var source = new StringBuilder("[assembly: HybridProf.Profile]\nclass Big\n{\n");
        for (int i = 0; i < count; i++)
            source.Append("    void M").Append(i).Append("() { }\n");
        source.Append("}\n");

        var run = GeneratorRun.Run(TestCompilation.Create(source.ToString(), LanguageVersion.CSharp7_3));

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(count, run.Rows.Count);
        Assert.Equal("Big.M4999", run.Rows[^1].Display);
    }
}
