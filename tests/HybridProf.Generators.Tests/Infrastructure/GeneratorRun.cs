using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HybridProf.Generators.Tests.Infrastructure;

/// <summary>The result of running <see cref="MethodTableGenerator"/> once over a compilation.</summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(GeneratorDriver driver, Compilation output, IReadOnlyList<Diagnostic> diagnostics)
    {
        Driver = driver;
        Output = output;
        GeneratorDiagnostics = diagnostics;
    }

    public GeneratorDriver Driver { get; }

    /// <summary>The input compilation plus the generated tree.</summary>
    public Compilation Output { get; }

    public IReadOnlyList<Diagnostic> GeneratorDiagnostics { get; }

    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    /// <summary>The generated table source, or null when the generator emitted nothing.</summary>
    public string? Source => Result.GeneratedTrees.SingleOrDefault()?.GetText().ToString();

    public static CSharpGeneratorDriver CreateDriver(
        CSharpCompilation compilation, IReadOnlyDictionary<string, string>? properties = null, IEnumerable<AdditionalText>? additionalFiles = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new MethodTableGenerator().AsSourceGenerator() },
            additionalTexts: additionalFiles,
            parseOptions: (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            optionsProvider: new TestOptions(properties ?? new Dictionary<string, string>()),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(
        CSharpCompilation compilation, IReadOnlyDictionary<string, string>? properties = null, IEnumerable<AdditionalText>? additionalFiles = null) =>
        Run(CreateDriver(compilation, properties, additionalFiles), compilation);

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, output, diagnostics);
    }

    /// <summary>The generated table parsed back into rows (empty when nothing was generated).</summary>
    public IReadOnlyList<TableRow> Rows => TableRow.ParseAll(DataOf(Output));

    /// <summary>The constant value of <c>__HybridProfMethodTable.Data</c> as the compiler folds it.</summary>
    public static string DataOf(Compilation output)
    {
        var type = output.GetTypeByMetadataName("HybridProf.Generated.__HybridProfMethodTable");
        var field = type?.GetMembers("Data").OfType<IFieldSymbol>().Single();
        return field?.ConstantValue as string ?? "";
    }
}
