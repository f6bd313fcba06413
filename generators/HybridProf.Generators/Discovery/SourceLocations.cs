using HybridProf.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace HybridProf.Generators.Discovery;

/// <summary>File, line and span as the table writes them (unmapped: <c>#line</c> is ignored).</summary>
internal static class SourceLocations
{
    public static string FilePath(SyntaxTree tree) =>
        tree.FilePath.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');

    public static SourceSpan Span(SyntaxTree tree, TextSpan span)
    {
        var lines = tree.GetLineSpan(span);
        return new SourceSpan(
            span.Start,
            span.Length,
            lines.StartLinePosition.Line + 1,
            lines.StartLinePosition.Character + 1,
            lines.EndLinePosition.Line + 1,
            lines.EndLinePosition.Character + 1);
    }

    /// <summary>
    /// The 1-based line users see for a declaration: the line of its name (the <c>get</c>
    /// keyword of an accessor, <c>operator</c> of an operator, the first token otherwise).
    /// </summary>
    public static int Line(SyntaxNode declaration) =>
        NameToken(declaration).GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    private static SyntaxToken NameToken(SyntaxNode declaration) => declaration switch
    {
        MethodDeclarationSyntax method => method.Identifier,
        ConstructorDeclarationSyntax ctor => ctor.Identifier,
        DestructorDeclarationSyntax dtor => dtor.Identifier,
        OperatorDeclarationSyntax op => op.OperatorKeyword,
        ConversionOperatorDeclarationSyntax conversion => conversion.ImplicitOrExplicitKeyword,
        AccessorDeclarationSyntax accessor => accessor.Keyword,
        PropertyDeclarationSyntax property => property.Identifier,
        IndexerDeclarationSyntax indexer => indexer.ThisKeyword,
        LocalFunctionStatementSyntax local => local.Identifier,
        _ => declaration.GetFirstToken(),
    };
}
