using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HybridProf.Generators.Diagnostics;

/// <summary>Whether a member has code of its own that the generator could list.</summary>
internal static class BodyFinder
{
    public static bool HasBody(ISymbol symbol, CancellationToken cancellationToken) => symbol switch
    {
        IMethodSymbol method => HasOwnBody(method.PartialImplementationPart ?? method, cancellationToken),
        IPropertySymbol property => HasAccessorBody(property.GetMethod, property.SetMethod, cancellationToken),
        IEventSymbol @event => HasAccessorBody(@event.AddMethod, @event.RemoveMethod, cancellationToken),
        _ => true,
    };

    private static bool HasAccessorBody(IMethodSymbol? first, IMethodSymbol? second, CancellationToken cancellationToken) =>
        (first is not null && HasOwnBody(first, cancellationToken)) ||
        (second is not null && HasOwnBody(second, cancellationToken));

    private static bool HasOwnBody(IMethodSymbol method, CancellationToken cancellationToken) =>
        method.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) switch
        {
            BaseMethodDeclarationSyntax m => m.Body is not null || m.ExpressionBody is not null,
            AccessorDeclarationSyntax a => a.Body is not null || a.ExpressionBody is not null,
            // The getter of an expression-bodied property or indexer is declared by its `=> ...`.
            ArrowExpressionClauseSyntax => true,
            _ => false,
        });
}
