using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HybridProf.Generators.Discovery;

/// <summary>
/// C# 14 extension blocks (<c>extension(string s) { ... }</c>). The compiler emits each
/// member's code as a static method of the enclosing static class, with the receiver as
/// first parameter for instance members; the block's own metadata type holds only
/// skeletons. The table names the implementation, and the frame reads like a classic
/// extension method: <c>Shop.StringExtensions.Twice</c>.
/// </summary>
internal static class ExtensionMembers
{
    /// <remarks>
    /// <c>TypeKind.Extension</c> postdates Roslyn 4.8, which this generator compiles against;
    /// the host compiler's enum value still prints its own name.
    /// </remarks>
    public static bool IsExtensionMember(IMethodSymbol method) =>
        method.ContainingType?.TypeKind.ToString() == "Extension";

    /// <summary>The receiver parameter of the block declaring <paramref name="declaration"/>.</summary>
    public static IParameterSymbol? Receiver(SemanticModel model, SyntaxNode declaration, CancellationToken cancellationToken)
    {
        var block = declaration.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        var parameter = block?.ParameterList?.Parameters.FirstOrDefault();
        return parameter is null ? null : model.GetDeclaredSymbol(parameter, cancellationToken) as IParameterSymbol;
    }
}
