using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HybridProf.Generators.Diagnostics;

/// <summary>Reports misplaced <c>[Profile]</c> / <c>[NoProfile]</c> attributes (HPROF001, HPROF002).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProfileAttributeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.NoBody, DiagnosticDescriptors.Conflict);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var profile = start.Compilation.GetTypeByMetadataName(Discovery.Marks.ProfileAttribute);
            if (profile is null)
                return;
            var noProfile = start.Compilation.GetTypeByMetadataName(Discovery.Marks.NoProfileAttribute);
            start.RegisterSymbolAction(
                symbolContext => Analyze(symbolContext, profile, noProfile),
                SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Property, SymbolKind.Event);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol profile, INamedTypeSymbol? noProfile)
    {
        var symbol = context.Symbol;
        var attributes = symbol.GetAttributes();
        var profileAttribute = attributes.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, profile));
        if (profileAttribute is null)
            return;

        var location = profileAttribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation()
            ?? symbol.Locations.FirstOrDefault();
        string name = symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);

        if (noProfile is not null && attributes.Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, noProfile)))
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Conflict, location, name));

        if (symbol is not INamedTypeSymbol && !BodyFinder.HasBody(symbol, context.CancellationToken))
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NoBody, location, name));
    }
}
