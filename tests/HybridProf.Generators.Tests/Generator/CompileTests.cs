using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using HybridProf.Generators.Tests.Infrastructure;
using HybridProf.Generators.Tests.Inputs;
using HybridProf.Markers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HybridProf.Generators.Tests.Generator;

/// <summary>The generated code compiles at the consumer's language version and registers at run time.</summary>
public class CompileTests
{
    private const string ModuleInitializer = "[global::System.Runtime.CompilerServices.ModuleInitializer]";

    [Fact]
    public void Compiles_without_diagnostics_at_latest_with_a_module_initializer()
    {
        var run = GeneratorRun.Run(TestCompilation.Create(ShapesInput.Files, outputKind: OutputKind.ConsoleApplication));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Contains(ModuleInitializer, run.Source);
    }

    [Fact]
    public void Compiles_without_diagnostics_at_csharp_7_3_without_a_module_initializer()
    {
        var compilation = TestCompilation.Create(new[] { ("/src/Lib/Service.cs", SelectionInput.Source) }, LanguageVersion.CSharp7_3);

        var run = GeneratorRun.Run(compilation);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(run.Source);
        Assert.DoesNotContain("ModuleInitializer", run.Source);
    }

    [Fact]
    public void Csharp_8_has_no_module_initializer_even_where_the_framework_has_the_attribute()
    {
        var compilation = TestCompilation.Create("[assembly: HybridProf.Profile] class C { void M() { } }", LanguageVersion.CSharp8);

        var run = GeneratorRun.Run(compilation);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.DoesNotContain("ModuleInitializer", run.Source);
    }

    [Fact]
    public void Registers_the_table_with_the_runtime_when_the_module_loads()
    {
        var run = GeneratorRun.Run(TestCompilation.Create(ShapesInput.Files, outputKind: OutputKind.ConsoleApplication));
        var context = new AssemblyLoadContext("generated-table", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(Emit(run.Output)));
            RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);

            var table = assembly.GetType("HybridProf.Generated.__HybridProfMethodTable")!;
            int @base = (int)table.GetField("Base", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!;
            foreach (var row in run.Rows)
            {
                var entry = MethodRegistry.Lookup(@base + row.Id);
                Assert.NotNull(entry);
                Assert.Equal((row.Display, row.Kind, row.Flags, row.File, row.Line), (entry.Name, entry.Kind, entry.Flags, entry.File, entry.Line));
            }
        }
        finally
        {
            context.Unload();
        }
    }

    internal static byte[] Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return stream.ToArray();
    }
}
