using System.Linq;
using Mono.Cecil;

namespace HybridProf.Fody;

/// <summary>
/// The canonical parameter-type strings of docs/method-table.md, computed from Cecil's view
/// of a type. The generator computes the same strings from Roslyn's view.
/// </summary>
internal static class CanonicalNames
{
    /// <summary>
    /// <c>``N:</c> for N generic parameters, the parameter types joined by <c>,</c>, and for
    /// conversion operators <c>~</c> and the return type (they overload on it).
    /// </summary>
    public static string Signature(MethodDefinition method)
    {
        string arity = method.HasGenericParameters ? "``" + method.GenericParameters.Count + ":" : "";
        string parameters = string.Join(",", method.Parameters.Select(p => Of(p.ParameterType)));
        string conversion = method.Name is "op_Implicit" or "op_Explicit" ? "~" + Of(method.ReturnType) : "";
        return arity + parameters + conversion;
    }

    public static string Of(TypeReference type)
    {
        switch (type)
        {
            case RequiredModifierType m: return Of(m.ElementType);
            case OptionalModifierType m: return Of(m.ElementType);
            case PinnedType p: return Of(p.ElementType);
            case ByReferenceType r: return Of(r.ElementType) + "&";
            case PointerType p: return Of(p.ElementType) + "*";
            case ArrayType a: return Of(a.ElementType) + "[" + new string(',', a.Rank - 1) + "]";
            case FunctionPointerType: return "fnptr";
            case GenericParameter g: return g.Name;
            case GenericInstanceType g:
                // Cecil lists the arguments of enclosing types too; only the type's own count.
                int own = OwnArity(g.ElementType.Name);
                var args = g.GenericArguments.Skip(g.GenericArguments.Count - own).Select(Of);
                return own == 0 ? g.ElementType.Name : g.ElementType.Name + "<" + string.Join(",", args) + ">";
            default: return type.Name;
        }
    }

    private static int OwnArity(string name)
    {
        int tick = name.LastIndexOf('`');
        return tick >= 0 && int.TryParse(name.Substring(tick + 1), out int n) ? n : 0;
    }

    /// <summary>The Cecil full name of a type definition in the table's form (<c>Ns.Outer/Inner`1</c>).</summary>
    public static string TypeKey(TypeDefinition type) => type.FullName;
}
