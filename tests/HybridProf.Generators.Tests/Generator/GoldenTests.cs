using HybridProf.Generators.Tests.Infrastructure;
using HybridProf.Generators.Tests.Inputs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HybridProf.Generators.Tests.Generator;

/// <summary>The whole generated file for representative inputs, against <c>Golden/</c>.</summary>
public class GoldenTests
{
    [Fact]
    public void Shapes_application_profiled_by_the_assembly_attribute()
    {
        var compilation = TestCompilation.Create(ShapesInput.Files, outputKind: OutputKind.ConsoleApplication);

        var run = GeneratorRun.Run(compilation);

        Golden.Assert("Shapes.g.cs.txt", run.Source ?? "");
    }

    [Fact]
    public void Selection_by_attributes_in_a_csharp_7_3_library()
    {
        var compilation = TestCompilation.Create(new[] { ("/src/Lib/Service.cs", SelectionInput.Source) }, LanguageVersion.CSharp7_3);

        var run = GeneratorRun.Run(compilation);

        Golden.Assert("Selection.g.cs.txt", run.Source ?? "");
    }
}
