using Microsoft.CodeAnalysis;

namespace HybridProf.Generators.Discovery;

/// <summary>The HybridProf attribute a symbol carries itself.</summary>
internal enum Mark
{
    None,
    Profile,
    NoProfile,
}

/// <summary>Reads <c>[Profile]</c> / <c>[NoProfile]</c> by name, without binding the attribute types.</summary>
internal static class Marks
{
    public const string ProfileAttribute = "HybridProf.ProfileAttribute";
    public const string NoProfileAttribute = "HybridProf.NoProfileAttribute";

    /// <summary>
    /// The symbol's own mark. When it carries both attributes, <c>[NoProfile]</c> wins
    /// (HPROF002 warns about it).
    /// </summary>
    public static Mark Of(ISymbol? symbol)
    {
        if (symbol is null)
            return Mark.None;
        var mark = Mark.None;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (IsHybridProf(attribute.AttributeClass, "NoProfileAttribute"))
                return Mark.NoProfile;
            if (IsHybridProf(attribute.AttributeClass, "ProfileAttribute"))
                mark = Mark.Profile;
        }
        return mark;
    }

    public static bool IsHybridProf(INamedTypeSymbol? type, string name) =>
        type is { Name: var n, ContainingNamespace: { Name: "HybridProf", ContainingNamespace.IsGlobalNamespace: true } } &&
        n == name;
}
