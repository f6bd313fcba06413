using System.Collections.Generic;
using System.Linq;
using System.Threading;
using HybridProf.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HybridProf.Generators.Discovery;

/// <summary>
/// Finds the lambdas, anonymous methods and local functions of one member, in source order.
/// Lambdas are keyed per member (<c>lambda1</c>, <c>lambda2</c>, ...) by start position,
/// counting those nested in other lambdas and in local functions (the weaver finds the
/// compiled method by this key), and named by their nesting (see <c>Scope</c>); lambdas converted to
/// expression trees are not compiled to methods, so they (and everything inside them) are
/// neither listed nor counted.
/// </summary>
internal static class NestedFunctions
{
    public static void Collect(
        SemanticModel model, IEnumerable<SyntaxNode> roots, Owner owner, Selection? ownerSelection,
        List<TableEntry> entries, CancellationToken cancellationToken)
    {
        int ordinal = 0;
        var stack = new Stack<(SyntaxNode Node, Selection? Selection, Scope Scope)>();
        var memberScope = new Scope("");
        foreach (var root in roots.Reverse())
            stack.Push((root, ownerSelection, memberScope));

        // Pre-order, children pushed in reverse: nodes come out by start position.
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (node, selection, scope) = stack.Pop();
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    if (IsExpressionTree(model, lambda, cancellationToken))
                        continue;
                    ordinal++;
                    scope = new Scope(scope.Path + ".lambda" + ++scope.Lambdas);
                    selection = SelectionResolver.ForNested(AttributedLambda(model, lambda, cancellationToken), selection);
                    if (selection is { } lambdaSelection)
                        entries.Add(Lambda(owner, lambda, ordinal, scope.Path, lambdaSelection));
                    break;
                case LocalFunctionStatementSyntax local:
                    var symbol = local.AttributeLists.Count == 0 ? null : model.GetDeclaredSymbol(local, cancellationToken) as IMethodSymbol;
                    selection = SelectionResolver.ForNested(symbol, selection);
                    scope = new Scope(scope.Path + "." + local.Identifier.ValueText);
                    if (selection is { } localSelection)
                        entries.Add(Local(owner, local, scope.Path, localSelection));
                    break;
            }

            foreach (var child in node.ChildNodes().Reverse())
                stack.Push((child, selection, scope));
        }
    }

    /// <summary>
    /// Where a function is named: the member itself, or a lambda or local function within it.
    /// Names follow the nesting, as a reader finds the code: a lambda in local function
    /// <c>Outer</c> of <c>Main</c> is <c>Main.Outer.lambda1</c>, numbered within <c>Outer</c>.
    /// </summary>
    private sealed class Scope
    {
        public Scope(string path) => Path = path;

        /// <summary>The display suffix after the member: empty, or <c>.Outer</c>, <c>.Outer.lambda1</c>, ….</summary>
        public string Path { get; }

        /// <summary>Lambdas met so far directly in this scope (not in functions nested within it).</summary>
        public int Lambdas { get; set; }
    }

    // The key (lambdaN, numbered per member) is how the weaver finds the compiled method; the
    // display name follows the nesting.
    private static TableEntry Lambda(Owner owner, AnonymousFunctionExpressionSyntax lambda, int ordinal, string display, Selection selection)
    {
        string key = "lambda" + ordinal;
        var span = SourceLocations.Span(lambda.SyntaxTree, lambda.Span);
        string flags = FunctionFlags.Of(lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword), isIterator: false);
        return owner.Entry("lambda", flags, display, key, span.StartLine, span, selection);
    }

    private static TableEntry Local(Owner owner, LocalFunctionStatementSyntax local, string display, Selection selection)
    {
        bool isAsync = local.Modifiers.Any(SyntaxKind.AsyncKeyword);
        bool isIterator = FunctionFlags.ContainsYield(local.Body) || FunctionFlags.ContainsYield(local.ExpressionBody);
        string name = local.Identifier.ValueText;
        var span = SourceLocations.Span(local.SyntaxTree, local.Span);
        return owner.Entry("local", FunctionFlags.Of(isAsync, isIterator), display, name, SourceLocations.Line(local), span, selection);
    }

    /// <summary>The lambda's symbol when it has attributes of its own (C# 10), otherwise null.</summary>
    private static IMethodSymbol? AttributedLambda(SemanticModel model, AnonymousFunctionExpressionSyntax lambda, CancellationToken cancellationToken) =>
        lambda is LambdaExpressionSyntax { AttributeLists.Count: > 0 }
            ? model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol
            : null;

    private static bool IsExpressionTree(SemanticModel model, AnonymousFunctionExpressionSyntax lambda, CancellationToken cancellationToken)
    {
        for (var type = model.GetTypeInfo(lambda, cancellationToken).ConvertedType; type is not null; type = type.BaseType)
        {
            if (type is { Name: "Expression", ContainingNamespace: { Name: "Expressions", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } })
                return true;
        }
        return false;
    }
}
