using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HybridProf.Generators.Discovery;

/// <summary>
/// The syntax-only first pass: declarations that own a method body. Lambdas and local
/// functions are found later inside them; bodiless members (abstract, extern, partial
/// definitions, auto-accessors, interface members) never get here.
/// </summary>
internal static class DeclarationFilter
{
    public static bool IsCandidate(SyntaxNode node) => HasBody(node) && !GeneratedCode.IsGenerated(node.SyntaxTree);

    private static bool HasBody(SyntaxNode node) => node switch
    {
        BaseMethodDeclarationSyntax method => method.Body is not null || method.ExpressionBody is not null,
        AccessorDeclarationSyntax accessor => accessor.Body is not null || accessor.ExpressionBody is not null,
        PropertyDeclarationSyntax property => property.ExpressionBody is not null,
        IndexerDeclarationSyntax indexer => indexer.ExpressionBody is not null,
        CompilationUnitSyntax unit => unit.Members.OfType<GlobalStatementSyntax>().Any(),
        _ => false,
    };
}
