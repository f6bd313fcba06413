using System.Linq;
using HybridProf.Generators.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HybridProf.Generators.Model;

/// <summary>Reads <see cref="CompilationFacts"/> from a compilation.</summary>
internal static class CompilationFactsReader
{
    private const string ModuleInitializerAttribute = "System.Runtime.CompilerServices.ModuleInitializerAttribute";

    public static CompilationFacts Read(Compilation compilation)
    {
        var profile = compilation.GetTypeByMetadataName(Marks.ProfileAttribute);
        bool assemblyProfiled = profile is not null && compilation.Assembly.GetAttributes()
            .Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, profile));
        return new CompilationFacts(profile is not null, assemblyProfiled, HasModuleInitializer(compilation));
    }

    /// <summary>C# 9 or newer, and the attribute type is there and usable (framework or polyfill).</summary>
    private static bool HasModuleInitializer(Compilation compilation) =>
        compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp9 } &&
        compilation.GetTypeByMetadataName(ModuleInitializerAttribute) is { } attribute &&
        compilation.IsSymbolAccessibleWithin(attribute, compilation.Assembly);
}
