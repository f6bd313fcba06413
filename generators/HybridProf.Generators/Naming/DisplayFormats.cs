using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;

namespace HybridProf.Generators.Naming;

/// <summary>How types read in frame names: as C# declares them, never as metadata spells them.</summary>
internal static class DisplayFormats
{
    /// <summary>A declaring type: <c>Shop.Cache&lt;TKey, TValue&gt;.Entry</c>.</summary>
    private static readonly SymbolDisplayFormat s_type = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    /// <summary>A parameter or interface type: <c>int</c>, <c>List&lt;T&gt;</c>, <c>IEnumerable&lt;int&gt;</c>.</summary>
    private static readonly SymbolDisplayFormat s_shortType = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    public static string Type(INamedTypeSymbol type) => type.ToDisplayString(s_type);

    public static string ShortType(ITypeSymbol type) => type.ToDisplayString(s_shortType);

    /// <summary><c>string, ref int, int[]</c>: parameter types as C# writes them.</summary>
    public static string Parameters(IEnumerable<IParameterSymbol> parameters)
    {
        var sb = new StringBuilder();
        foreach (var parameter in parameters)
        {
            if (sb.Length > 0)
                sb.Append(", ");
            sb.Append(parameter.RefKind switch
            {
                RefKind.Ref => "ref ",
                RefKind.Out => "out ",
                RefKind.In => "in ",
                _ => "",
            });
            sb.Append(ShortType(parameter.Type));
        }
        return sb.ToString();
    }

    /// <summary><c>&lt;T, U&gt;</c>, or empty for a method that is not generic.</summary>
    public static string TypeParameters(IMethodSymbol method) =>
        method.TypeParameters.IsEmpty ? "" : "<" + string.Join(", ", method.TypeParameters) + ">";
}
