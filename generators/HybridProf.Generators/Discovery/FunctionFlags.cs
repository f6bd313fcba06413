using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HybridProf.Generators.Discovery;

/// <summary>
/// The table's flags field: <c>a</c> async, <c>i</c> iterator, <c>ai</c> both, then <c>p</c> when
/// <c>[Profile]</c> is on the function itself; <c>-</c> when no letter applies (docs/method-table.md).
/// </summary>
internal static class FunctionFlags
{
    /// <summary><paramref name="flags"/> with <paramref name="letter"/> appended.</summary>
    public static string With(string flags, char letter) => flags == "-" ? letter.ToString() : flags + letter;

    public static string Of(bool isAsync, bool isIterator) => (isAsync, isIterator) switch
    {
        (true, true) => "ai",
        (true, false) => "a",
        (false, true) => "i",
        _ => "-",
    };

    /// <summary>A <c>yield</c> in the body itself, not in a lambda or local function inside it.</summary>
    public static bool ContainsYield(SyntaxNode? body) =>
        body is not null && OwnNodes(body).Any(static n => n is YieldStatementSyntax);

    /// <summary>An <c>await</c>, <c>await foreach</c> or <c>await using</c> in the body itself.</summary>
    public static bool ContainsAwait(SyntaxNode body) => OwnNodes(body).Any(static n => n switch
    {
        AwaitExpressionSyntax => true,
        CommonForEachStatementSyntax loop => loop.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword),
        UsingStatementSyntax @using => @using.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword),
        LocalDeclarationStatementSyntax declaration => declaration.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword),
        _ => false,
    });

    private static IEnumerable<SyntaxNode> OwnNodes(SyntaxNode body) =>
        body.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax));
}
