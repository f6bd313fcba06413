using HybridProf.Generators.Model;
using HybridProf.Generators.Naming;
using Microsoft.CodeAnalysis;

namespace HybridProf.Generators.Discovery;

/// <summary>
/// The member that owns a body: what its entry and the entries of its lambdas and local
/// functions share (declaring type, metadata name, signature, display name).
/// </summary>
internal sealed record Owner(string File, string TypeName, string MemberName, string Signature, string Display, string DisplayWithParameters)
{
    public static Owner Create(IMethodSymbol method, SyntaxNode declaration, bool isMain)
    {
        string type = DisplayFormats.Type(method.ContainingType) + ".";
        var (member, memberWithParameters) = isMain ? ("Main", "Main") : MemberNames.Of(method, declaration);
        return new Owner(
            SourceLocations.FilePath(declaration.SyntaxTree),
            MetadataNames.TypeName(method.ContainingType),
            method.MetadataName,
            CanonicalSignature.Of(method.Parameters),
            type + member,
            type + memberWithParameters);
    }

    public TableEntry Entry(string kind, string flags, string suffix, string localKey, int line, SourceSpan span, Selection selection) =>
        new(kind, flags, new DisplayName(Display, DisplayWithParameters, suffix), File, line, TypeName, MemberName, Signature, localKey, span, selection);
}
