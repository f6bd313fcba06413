using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HybridProf.Generators.Tests.Infrastructure;

/// <summary>Builds compilations of test sources against the running framework and the HybridProf runtime.</summary>
internal static class TestCompilation
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_framework = new(LoadFramework);

    /// <summary>The framework assemblies of the running .NET (not the test's own dependencies).</summary>
    public static ImmutableArray<MetadataReference> Framework => s_framework.Value;

    public static MetadataReference HybridProf { get; } =
        MetadataReference.CreateFromFile(typeof(global::HybridProf.ProfileAttribute).Assembly.Location);

    /// <summary>A library compilation of <paramref name="sources"/> (path, text), referencing HybridProf.</summary>
    public static CSharpCompilation Create(
        IEnumerable<(string Path, string Text)> sources,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        bool referenceHybridProf = true,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var parseOptions = new CSharpParseOptions(languageVersion);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path));
        var references = referenceHybridProf ? Framework.Add(HybridProf) : Framework;
        return CSharpCompilation.Create(
            "TestAssembly",
            trees,
            references,
            new CSharpCompilationOptions(
                outputKind,
                nullableContextOptions: languageVersion >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                allowUnsafe: true));
    }

    public static CSharpCompilation Create(string source, LanguageVersion languageVersion = LanguageVersion.Latest) =>
        Create(new[] { ("/src/Test.cs", source) }, languageVersion);

    /// <summary>Paths of the framework assemblies of the running .NET.</summary>
    public static IEnumerable<string> FrameworkPaths
    {
        get
        {
            string frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
            return tpa.Split(Path.PathSeparator)
                .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDir, StringComparison.Ordinal))
                .Where(path => !Path.GetFileName(path).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
        }
    }

    private static ImmutableArray<MetadataReference> LoadFramework() =>
        FrameworkPaths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
}
