using HybridProf.Generators.Emit;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HybridProf.Generators.Tests.Emit;

public class StringLiteralTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\tb\nc", "\"a\\tb\\nc\"")]
    [InlineData("C:\\dir\\\"x\".cs", "\"C:\\\\dir\\\\\\\"x\\\".cs\"")]
    [InlineData("ünï 😀", "\"ünï 😀\"")]
    public void Quotes_as_a_regular_literal(string text, string expected) =>
        Assert.Equal(expected, StringLiteral.Quote(text));

    [Theory]
    [InlineData("tab\there")]
    [InlineData("cr\r lf\n nul\0 bell\a")]
    [InlineData("line\u2028para\u2029next\u0085")]
    [InlineData("lone \ud800 high and \udc00 low")]
    [InlineData("quote \" backslash \\ end")]
    public void The_compiler_reads_back_the_same_text(string text)
    {
        var literal = (LiteralExpressionSyntax)SyntaxFactory.ParseExpression(StringLiteral.Quote(text));

        Assert.Empty(literal.GetDiagnostics());
        Assert.Equal(text, literal.Token.ValueText);
    }
}
