using System.Collections.Generic;
using System.Linq;
using System.Threading;
using HybridProf.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace HybridProf.Generators.Discovery;

/// <summary>
/// The semantic pass over one declaration that owns a body: its own entry (when selected)
/// and those of its lambdas and local functions, as plain data.
/// </summary>
internal static class MemberTransform
{
    public static EquatableArray<TableEntry> Transform(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var node = context.Node;
        var model = context.SemanticModel;
        if (Symbol(model, node, cancellationToken) is not { } method)
            return EquatableArray<TableEntry>.Empty;

        bool isMain = node is CompilationUnitSyntax;
        var bodies = Bodies(node).ToList();
        var owner = Owner.Create(model, method, node, isMain, cancellationToken);
        var selection = SelectionResolver.ForMember(method);
        var entries = new List<TableEntry>();

        if (selection is { } memberSelection)
            entries.Add(MemberEntry(owner, method, node, bodies, isMain, memberSelection));
        NestedFunctions.Collect(model, bodies, owner, selection, entries, cancellationToken);
        return new EquatableArray<TableEntry>(entries.ToArray());
    }

    /// <summary>
    /// The member's own entry. Its span is the whole declaration (attributes included); for
    /// top-level statements, from the first statement to the end of the last.
    /// </summary>
    private static TableEntry MemberEntry(Owner owner, IMethodSymbol method, SyntaxNode node, List<SyntaxNode> bodies, bool isMain, Selection selection)
    {
        bool isAsync = method.IsAsync || (isMain && bodies.Any(FunctionFlags.ContainsAwait));
        bool isIterator = bodies.Any(FunctionFlags.ContainsYield);
        var textSpan = isMain ? TextSpan.FromBounds(bodies[0].SpanStart, bodies[bodies.Count - 1].Span.End) : node.Span;
        var span = SourceLocations.Span(node.SyntaxTree, textSpan);
        int line = isMain ? span.StartLine : SourceLocations.Line(node);
        return owner.Entry(Kind(method, isMain), FunctionFlags.Of(isAsync, isIterator), "", "-", line, span, selection);
    }

    private static IMethodSymbol? Symbol(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken) => node switch
    {
        PropertyDeclarationSyntax or IndexerDeclarationSyntax =>
            (model.GetDeclaredSymbol(node, cancellationToken) as IPropertySymbol)?.GetMethod,
        _ => model.GetDeclaredSymbol(node, cancellationToken) as IMethodSymbol,
    };

    /// <summary>The nodes that hold the member's code: the declaration, or the top-level statements.</summary>
    private static IEnumerable<SyntaxNode> Bodies(SyntaxNode node) => node switch
    {
        CompilationUnitSyntax unit => unit.Members.OfType<GlobalStatementSyntax>(),
        PropertyDeclarationSyntax property => new SyntaxNode[] { property.ExpressionBody! },
        IndexerDeclarationSyntax indexer => new SyntaxNode[] { indexer.ExpressionBody! },
        _ => new[] { node },
    };

    private static string Kind(IMethodSymbol method, bool isMain) => method.MethodKind switch
    {
        _ when isMain => "main",
        MethodKind.Constructor => "ctor",
        MethodKind.StaticConstructor => "cctor",
        MethodKind.Destructor => "finalizer",
        MethodKind.UserDefinedOperator or MethodKind.Conversion => "operator",
        MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove => "accessor",
        _ => "method",
    };
}
