using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace HybridProf.Generators.Naming;

/// <summary>Names as they appear in metadata, the way the weaver (Mono.Cecil) sees them.</summary>
internal static class MetadataNames
{
    /// <summary>
    /// Cecil's full name of a type definition: namespace, <c>/</c> between nested types,
    /// arity after a backtick, e.g. <c>Shop.Outer/Inner`1</c>.
    /// </summary>
    public static string TypeName(INamedTypeSymbol type)
    {
        var parts = new Stack<string>();
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
            parts.Push(t.MetadataName);
        string nested = string.Join("/", parts);

        string ns = NamespaceName(type.ContainingNamespace);
        return ns.Length == 0 ? nested : ns + "." + nested;
    }

    private static string NamespaceName(INamespaceSymbol? ns)
    {
        var parts = new Stack<string>();
        for (var n = ns; n is { IsGlobalNamespace: false }; n = n.ContainingNamespace)
            parts.Push(n.MetadataName);
        return string.Join(".", parts);
    }
}
