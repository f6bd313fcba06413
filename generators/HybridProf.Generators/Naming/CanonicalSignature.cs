using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace HybridProf.Generators.Naming;

/// <summary>
/// The canonical parameter signature of docs/method-table.md, e.g. <c>String,List`1&lt;T&gt;,Int32&amp;</c>.
/// The weaver computes the same string from Cecil's view of the method.
/// </summary>
internal static class CanonicalSignature
{
    public static string Of(ImmutableArray<IParameterSymbol> parameters)
    {
        var sb = new StringBuilder();
        foreach (var parameter in parameters)
        {
            if (sb.Length > 0)
                sb.Append(',');
            Append(sb, parameter.Type);
            if (parameter.RefKind != RefKind.None)
                sb.Append('&');
        }
        return sb.ToString();
    }

    public static string Of(ITypeSymbol type)
    {
        var sb = new StringBuilder();
        Append(sb, type);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, ITypeSymbol type)
    {
        switch (type)
        {
            case ITypeParameterSymbol typeParameter:
                sb.Append(typeParameter.Name);
                break;
            case IArrayTypeSymbol array:
                Append(sb, array.ElementType);
                sb.Append('[').Append(',', array.Rank - 1).Append(']');
                break;
            case IPointerTypeSymbol pointer:
                Append(sb, pointer.PointedAtType);
                sb.Append('*');
                break;
            case IFunctionPointerTypeSymbol:
                sb.Append("fnptr");
                break;
            case IDynamicTypeSymbol:
                sb.Append("Object");
                break;
            case INamedTypeSymbol named:
                AppendNamed(sb, named);
                break;
            default:
                sb.Append(type.MetadataName);
                break;
        }
    }

    private static void AppendNamed(StringBuilder sb, INamedTypeSymbol named)
    {
        if (named.IsTupleType && named.TupleUnderlyingType is { } underlying)
            named = underlying;
        if (named.IsNativeIntegerType)
        {
            sb.Append(named.SpecialType == SpecialType.System_UIntPtr ? "UIntPtr" : "IntPtr");
            return;
        }

        sb.Append(named.MetadataName);
        if (named.TypeArguments.IsEmpty)
            return;
        sb.Append('<');
        for (int i = 0; i < named.TypeArguments.Length; i++)
        {
            if (i > 0)
                sb.Append(',');
            Append(sb, named.TypeArguments[i]);
        }
        sb.Append('>');
    }
}
