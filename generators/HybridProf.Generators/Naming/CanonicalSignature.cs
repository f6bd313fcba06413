using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;

namespace HybridProf.Generators.Naming;

/// <summary>
/// The canonical signature of docs/method-table.md, e.g. <c>String,List`1&lt;T&gt;,Int32&amp;</c>;
/// a generic method's starts with its arity (<c>``1:String</c>), a conversion operator's
/// ends with its return type (<c>Vec~Int32</c>), as in XML documentation ids. The weaver
/// computes the same string from Cecil's view of the method.
/// </summary>
internal static class CanonicalSignature
{
    /// <param name="method">The method (its kind and return type).</param>
    /// <param name="parameters">Its parameters as metadata has them.</param>
    /// <param name="arity">Its number of type parameters in metadata.</param>
    public static string Of(IMethodSymbol method, IEnumerable<IParameterSymbol> parameters, int arity)
    {
        var sb = new StringBuilder();
        if (arity > 0)
            sb.Append("``").Append(arity).Append(':');
        int start = sb.Length;
        foreach (var parameter in parameters)
        {
            if (sb.Length > start)
                sb.Append(',');
            Append(sb, parameter.Type);
            if (parameter.RefKind != RefKind.None)
                sb.Append('&');
        }
        // Conversions are the only C# overloads that differ by return type alone.
        if (method.MethodKind == MethodKind.Conversion)
            Append(sb.Append('~'), method.ReturnType);
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
