using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HybridProf.Fody;

/// <summary>
/// Compiler closure classes that carry hand-overs themselves (docs/async.md): when the one method
/// of a <c>&lt;&gt;c__DisplayClass…</c> class is a lambda or local function of the method table,
/// the class gets a field for the hander's node and implements the runtime's
/// <c>IHandOffCarrier</c> (its <c>Carry</c> stores the node), and each of its methods enters
/// with <c>Marker.PushHandedOver(id, this.node)</c>, or <c>Marker.EnterHandedOver(this.node)</c>
/// when it has no frame of its own. A hand-over of a delegate to one of them then needs no
/// wrapper and no new delegate. Any other closure class is left alone, and the runtime keeps
/// wrapping delegates into it.
/// </summary>
internal sealed class ClosureCarriers
{
    private const string NodeFieldName = "<>hp__handedFrom";

    private readonly ModuleDefinition _module;
    private readonly TypeReference _carrier;
    private readonly MethodReference _carry;
    private readonly TypeReference _node;

    private ClosureCarriers(ModuleDefinition module, TypeDefinition carrier, TypeReference node)
    {
        _module = module;
        _carrier = module.ImportReference(carrier);
        _carry = module.ImportReference(MarkerReferences.Find(carrier, "Carry", 1));
        _node = node;
        Frame = module.ImportReference(carrier.Module.GetType("HybridProf.Markers.HandedMarkerFrame"));
        var marker = carrier.Module.GetType("HybridProf.Markers.Marker");
        Push = module.ImportReference(MarkerReferences.Find(marker, "PushHandedOver", 2));
        Pop = module.ImportReference(MarkerReferences.Find(marker, "PopHandedOver", 1));
        Enter = module.ImportReference(MarkerReferences.Find(marker, "EnterHandedOver", 1));
        Exit = module.ImportReference(MarkerReferences.Find(marker, "ExitHandedOver", 1));
    }

    public TypeReference Frame { get; }
    public MethodReference Push { get; }
    public MethodReference Pop { get; }
    public MethodReference Enter { get; }
    public MethodReference Exit { get; }

    /// <summary>Null when the referenced runtime predates closure carriers (hand-overs are then always wrapped).</summary>
    public static ClosureCarriers? For(ModuleDefinition module, System.Func<string, TypeDefinition?> tryFindType, TypeReference node) =>
        tryFindType("HybridProf.Markers.IHandOffCarrier") is { } carrier ? new ClosureCarriers(module, carrier, node) : null;

    /// <summary>
    /// Makes carriers of the closure classes whose one method is a table method of its own
    /// body: <paramref name="marked"/> (a marker of their own) or <paramref name="unmarked"/>
    /// (folded into their callers or left out by the tune list: they get the switch alone).
    /// Returns each such method's node field.
    /// </summary>
    /// <param name="handedOverAtSites">
    /// Lambdas a hand-over makes into a delegate and hands over at once (<c>Task.Run(() => Use(x))</c>):
    /// in a closure class of several methods, each such lambda whose delegate is made nowhere
    /// else gets a node field of its own, which that hand-over site stores into (no wrapper).
    /// </param>
    public Dictionary<MethodDefinition, FieldDefinition> Choose(IReadOnlyCollection<MethodDefinition> marked, IReadOnlyCollection<MethodDefinition> unmarked, IReadOnlyCollection<MethodDefinition> handedOverAtSites)
    {
        var chosen = new Dictionary<MethodDefinition, FieldDefinition>();
        var known = new HashSet<MethodDefinition>(marked.Concat(unmarked));
        foreach (var type in known.Select(m => m.DeclaringType).Distinct().Where(IsClosureClass).ToList())
        {
            // One method only: the node stays in the closure after the hand-over, and a second
            // lambda of the same closure called later from elsewhere (a deferred LINQ predicate)
            // would be put under the hander's stack.
            var methods = type.Methods.Where(m => !m.IsConstructor).ToList();
            if (methods.Count != 1 || !methods.All(m => !m.IsStatic && known.Contains(m)))
                continue;
            var field = MakeCarrier(type);
            foreach (var method in methods)
                chosen[method] = field;
        }

        // A lambda whose delegate is only ever made at its hand-over site runs only as handed
        // over from there, so the node its own field holds is always its hander's.
        var delegatesMade = DelegatesMade(handedOverAtSites);
        foreach (var lambda in handedOverAtSites.Distinct())
        {
            if (chosen.ContainsKey(lambda) || !known.Contains(lambda) || delegatesMade[lambda] != 1)
                continue;
            var field = new FieldDefinition(NodeFieldName + lambda.DeclaringType.Fields.Count, FieldAttributes.Assembly, _node);
            lambda.DeclaringType.Fields.Add(field);
            chosen[lambda] = field;
        }
        return chosen;
    }

    /// <summary>How many <c>ldftn</c>s in the module make a delegate of each of <paramref name="lambdas"/>.</summary>
    private Dictionary<MethodDefinition, int> DelegatesMade(IReadOnlyCollection<MethodDefinition> lambdas)
    {
        var counts = lambdas.Distinct().ToDictionary(l => l, _ => 0);
        foreach (var method in _module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody))
        {
            foreach (var instruction in method.Body.Instructions)
            {
                if ((instruction.OpCode.Code is Code.Ldftn or Code.Ldvirtftn) && instruction.Operand is MethodReference target
                    && target.Resolve() is { } definition && counts.ContainsKey(definition))
                    counts[definition]++;
            }
        }
        return counts;
    }

    // Only plain reference-type closures: a struct closure (local functions only) is passed by
    // reference and never a delegate's target; a generic one would need its field through its
    // own instantiation in every method (left wrapped for now).
    internal static bool IsClosureClass(TypeDefinition type) =>
        type.IsNested && type.IsClass && !type.IsValueType && !type.HasGenericParameters &&
        type.Name.StartsWith("<>c__DisplayClass", System.StringComparison.Ordinal);

    private FieldDefinition MakeCarrier(TypeDefinition type)
    {
        // Internal: a hand-over site of the enclosing method stores into it as well.
        var field = new FieldDefinition(NodeFieldName, FieldAttributes.Assembly, _node);
        type.Fields.Add(field);
        type.Interfaces.Add(new InterfaceImplementation(_carrier));

        var carry = new MethodDefinition(
            "HybridProf.Markers.IHandOffCarrier.Carry",
            MethodAttributes.Private | MethodAttributes.Final | MethodAttributes.HideBySig | MethodAttributes.NewSlot | MethodAttributes.Virtual,
            _module.TypeSystem.Void);
        carry.Parameters.Add(new ParameterDefinition("from", ParameterAttributes.None, _node));
        carry.Overrides.Add(_carry);
        var il = carry.Body.GetILProcessor();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Stfld, field);
        il.Emit(OpCodes.Ret);
        type.Methods.Add(carry);
        return field;
    }
}
