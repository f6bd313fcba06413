using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HybridProf.Tests.Architecture;

/// <summary>
/// Which namespaces of an assembly use which others, read from its compiled code: base types,
/// interfaces, attributes, fields, signatures, locals, catch clauses and every type, method
/// and field an instruction names. Only types defined in the assembly itself count; compiler
/// plumbing in the global namespace (<c>&lt;PrivateImplementationDetails&gt;</c>) is left out.
/// </summary>
internal sealed class NamespaceDependencies
{
    private readonly ModuleDefinition _module;
    private readonly HashSet<string> _ownTypes;

    // (from namespace, to namespace) → one example "FromType → ToType", for the failure message.
    private readonly Dictionary<(string From, string To), string> _edges = new();

    private NamespaceDependencies(ModuleDefinition module)
    {
        _module = module;
        _ownTypes = module.GetTypes().Select(t => t.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
            Visit(type);
    }

    public static NamespaceDependencies Read(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        return new NamespaceDependencies(module);
    }

    /// <summary>Every use of a namespace for which <paramref name="forbidden"/> holds, as "from → to (FromType uses ToType)".</summary>
    public IReadOnlyList<string> Violations(Func<string, string, bool> forbidden) =>
        _edges.Where(e => forbidden(e.Key.From, e.Key.To))
            .Select(e => $"{e.Key.From} → {e.Key.To} ({e.Value})")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

    /// <summary>The namespaces <paramref name="from"/> uses.</summary>
    public IReadOnlyList<string> Uses(string from) =>
        _edges.Keys.Where(k => k.From == from).Select(k => k.To).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();

    private void Visit(TypeDefinition type)
    {
        string from = NamespaceOf(type);
        if (from.Length == 0)
            return;
        void Use(TypeReference? used) => Record(type, from, used);

        Use(type.BaseType);
        foreach (var i in type.Interfaces)
            Use(i.InterfaceType);
        VisitAttributes(type, Use);
        foreach (var field in type.Fields)
        {
            Use(field.FieldType);
            VisitAttributes(field, Use);
        }
        foreach (var property in type.Properties)
            Use(property.PropertyType);
        foreach (var method in type.Methods)
            VisitMethod(method, Use);
    }

    private static void VisitMethod(MethodDefinition method, Action<TypeReference?> use)
    {
        use(method.ReturnType);
        foreach (var p in method.Parameters)
            use(p.ParameterType);
        VisitAttributes(method, use);
        if (!method.HasBody)
            return;
        foreach (var v in method.Body.Variables)
            use(v.VariableType);
        foreach (var handler in method.Body.ExceptionHandlers)
            use(handler.CatchType);
        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference t:
                    use(t);
                    break;
                case MethodReference m:
                    use(m.DeclaringType);
                    use(m.ReturnType);
                    foreach (var p in m.Parameters)
                        use(p.ParameterType);
                    if (m is GenericInstanceMethod g)
                        foreach (var a in g.GenericArguments)
                            use(a);
                    break;
                case FieldReference f:
                    use(f.DeclaringType);
                    use(f.FieldType);
                    break;
            }
        }
    }

    private static void VisitAttributes(ICustomAttributeProvider provider, Action<TypeReference?> use)
    {
        foreach (var attribute in provider.CustomAttributes)
        {
            use(attribute.AttributeType);
            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Value is TypeReference t)
                    use(t);
            }
        }
    }

    private void Record(TypeDefinition user, string from, TypeReference? used)
    {
        if (used is null)
            return;
        switch (used)
        {
            case GenericInstanceType generic:
                Record(user, from, generic.ElementType);
                foreach (var argument in generic.GenericArguments)
                    Record(user, from, argument);
                return;
            case TypeSpecification specification: // arrays, by-refs, pointers, modifiers
                Record(user, from, specification.ElementType);
                return;
            case GenericParameter:
                return;
        }
        if (!_ownTypes.Contains(used.FullName))
            return; // the BCL or another assembly
        string to = NamespaceOf(used);
        if (to.Length == 0 || to == from)
            return;
        _edges.TryAdd((from, to), $"{user.FullName} uses {used.FullName}");
    }

    // A nested type lives in its outermost declaring type's namespace.
    private static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
            type = type.DeclaringType;
        return type.Namespace;
    }
}
