using System.Reflection;
using HybridProf.Generators.Model;
using Microsoft.CodeAnalysis;

namespace HybridProf.Generators.Discovery;

/// <summary>
/// Applies the selection rules: the closest <c>[Profile]</c> or <c>[NoProfile]</c> wins
/// (member, then its type, then outer types, then the assembly); <c>AggressiveInlining</c>
/// methods are left out unless the member itself says <c>[Profile]</c>, which pins it.
/// </summary>
internal static class SelectionResolver
{
    /// <summary>The selection of a member, or null when it is excluded.</summary>
    public static Selection? ForMember(IMethodSymbol method)
    {
        var own = Marks.Of(method);
        if (own == Mark.None && method.AssociatedSymbol is IPropertySymbol or IEventSymbol)
            own = Marks.Of(method.AssociatedSymbol);

        var decided = Decide(own, method);
        if (decided is not null)
            return decided.Value ? Selection.Pinned : null;

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            switch (Marks.Of(type))
            {
                case Mark.Profile:
                    return Selection.Profile;
                case Mark.NoProfile:
                    return null;
            }
        }
        return Selection.Inherit;
    }

    /// <summary>
    /// The selection of a lambda or local function: its own attributes, else its
    /// enclosing function's selection (<paramref name="enclosing"/>). A function pinned by
    /// its own <c>[Profile]</c> does not pin the functions inside it: they are functions of their own.
    /// </summary>
    public static Selection? ForNested(IMethodSymbol? function, Selection? enclosing)
    {
        var inherited = enclosing == Selection.Pinned ? Selection.Profile : enclosing;
        if (function is null)
            return inherited;
        var decided = Decide(Marks.Of(function), function);
        return decided is null ? inherited : decided.Value ? Selection.Pinned : null;
    }

    /// <summary>True (pinned)/false when the method's own mark or its inlining decides, null when its scope does.</summary>
    private static bool? Decide(Mark own, IMethodSymbol method) => own switch
    {
        Mark.Profile => true,
        Mark.NoProfile => false,
        _ when IsAggressivelyInlined(method) => false,
        _ => null,
    };

    private static bool IsAggressivelyInlined(IMethodSymbol method) =>
        (method.MethodImplementationFlags & MethodImplAttributes.AggressiveInlining) != 0;
}
