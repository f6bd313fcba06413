using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HybridProf.Fody.Tests.Stress;

/// <summary>Compiles one source file with the HybridProf generator, as a consumer's build would, with a PDB.</summary>
public static class StressCompiler
{
    /// <param name="buildProperties">MSBuild properties the generator sees, e.g. <c>HybridProfSmallMethodLimit</c> → <c>0</c>.</param>
    public static string Compile(string source, string directory, string name, bool optimize, IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        Directory.CreateDirectory(directory);
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(name,
            new[] { CSharpSyntaxTree.ParseText(source, parse, path: Path.Combine(directory, name + ".cs"), encoding: System.Text.Encoding.UTF8) },
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: optimize ? OptimizationLevel.Release : OptimizationLevel.Debug, nullableContextOptions: NullableContextOptions.Disable));
        var properties = (buildProperties ?? new Dictionary<string, string>()).ToDictionary(p => "build_property." + p.Key, p => p.Value);
        var driver = CSharpGeneratorDriver.Create(new[] { new HybridProf.Generators.MethodTableGenerator().AsSourceGenerator() },
            parseOptions: parse, optionsProvider: new HybridProf.Generators.Tests.Infrastructure.TestOptions(properties));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);

        string dll = Path.Combine(directory, name + ".dll");
        using (var peStream = File.Create(dll))
        using (var pdbStream = File.Create(Path.ChangeExtension(dll, ".pdb")))
        {
            var result = generated.Emit(peStream, pdbStream, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.PortablePdb));
            if (!result.Success)
                throw new InvalidOperationException("the generated program did not compile:\n" + string.Join("\n", result.Diagnostics) + "\n" + source);
        }
        // The weaver resolves the runtime next to the assembly, as in a real build output.
        File.Copy(typeof(Profiler).Assembly.Location, Path.Combine(directory, "HybridProf.dll"), overwrite: true);
        return dll;
    }

    // The shared framework, as a console app targeting it sees it, plus the HybridProf runtime.
    private static IEnumerable<MetadataReference> References()
    {
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == framework)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(Profiler).Assembly.Location));
    }
}
