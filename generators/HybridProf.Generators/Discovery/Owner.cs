using System.Collections.Generic;
using System.Linq;
using System.Threading;
using HybridProf.Generators.Model;
using HybridProf.Generators.Naming;
using Microsoft.CodeAnalysis;

namespace HybridProf.Generators.Discovery;

/// <summary>
/// The member that owns a body: what its entry and the entries of its lambdas and local
/// functions share (declaring type, metadata name, signature, display name).
/// </summary>
/// <param name="Verb">An accessor's <c>.get</c>/<c>.set</c>/..., put before every suffix.</param>
internal sealed record Owner(
    string File, string TypeName, string MemberName, string Signature, string Display, string DisplayWithParameters, string Verb)
{
    public static Owner Create(SemanticModel model, IMethodSymbol method, SyntaxNode declaration, bool isMain, CancellationToken cancellationToken)
    {
        var declaringType = method.ContainingType;
        IReadOnlyList<IParameterSymbol> parameters = method.Parameters;
        int arity = method.Arity;
        if (ExtensionMembers.IsExtensionMember(method))
        {
            // The implementation also takes the block's type parameters: extension<T>(List<T> list).
            arity += declaringType.Arity;
            declaringType = declaringType.ContainingType;
            if (!method.IsStatic && ExtensionMembers.Receiver(model, declaration, cancellationToken) is { } receiver)
                parameters = new[] { receiver }.Concat(parameters).ToList();
        }

        string type = DisplayFormats.Type(declaringType) + ".";
        var (member, memberWithParameters, verb) = isMain ? ("Main", "Main", "") : MemberNames.Of(method, declaration, parameters);
        return new Owner(
            SourceLocations.FilePath(declaration.SyntaxTree),
            MetadataNames.TypeName(declaringType),
            method.MetadataName,
            CanonicalSignature.Of(method, parameters, arity),
            type + member,
            type + memberWithParameters,
            verb);
    }

    public TableEntry Entry(string kind, string flags, string suffix, string localKey, int line, SourceSpan span, Selection selection) =>
        new(kind, flags, new DisplayName(Display, DisplayWithParameters, Verb + suffix), File, line, TypeName, MemberName, Signature, localKey, span, selection);
}
