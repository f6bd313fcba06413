using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace HybridProf.Fody;

/// <summary>
/// Calls that hand a delegate to another thread (docs/async.md lists them): at each such call
/// in woven code, the logical stack is captured once (<c>HandOff.Capture</c>) and every
/// delegate argument is wrapped (<c>HandOff.Wrap</c>) so that it runs under that stack. The
/// call itself is unchanged: same method, same overload, same arguments but for the wrapped
/// delegates, which a null delegate or a thread outside instrumented code leaves as they are.
/// A lambda made into a delegate right at the call, as its last argument, needs no wrapper: a
/// cached non-capturing one is bound to the node (<see cref="CachedLambdaHandOvers"/>), a
/// capturing one gets the node in its closure (<see cref="ClosureCarriers"/>).
/// </summary>
internal sealed class HandOffSites
{
    // Declaring type → the members whose delegate arguments run elsewhere (null: every member).
    private static readonly Dictionary<string, string[]?> HandOverApis = new(StringComparer.Ordinal)
    {
        ["System.Threading.Tasks.Task"] = new[] { "Run", ".ctor" },
        ["System.Threading.Tasks.Task`1"] = new[] { ".ctor" },
        ["System.Threading.Tasks.TaskFactory"] = new[] { "StartNew" },
        ["System.Threading.Tasks.TaskFactory`1"] = new[] { "StartNew" },
        ["System.Threading.Tasks.Parallel"] = new[] { "For", "ForEach", "Invoke", "ForEachAsync" },
        ["System.Threading.ThreadPool"] = new[] { "QueueUserWorkItem", "UnsafeQueueUserWorkItem" },
        ["System.Threading.Thread"] = new[] { ".ctor" },
        ["System.Threading.Timer"] = new[] { ".ctor" },
        ["System.Linq.ParallelEnumerable"] = null,
    };

    private readonly ModuleDefinition _module;
    private readonly MethodReference _capture;
    private readonly TypeReference _node;
    // Delegate type (its element name, e.g. System.Action`1) → the Wrap overload for it.
    private readonly Dictionary<string, MethodDefinition> _wraps;

    // Delegate.Target: the closure a lambda's delegate was made with.
    private readonly MethodReference _delegateTarget;
    private readonly CachedLambdaHandOvers? _cachedLambdas;

    private HandOffSites(ModuleDefinition module, TypeDefinition handOff, TypeReference node, TypeDefinition @delegate, Func<string, TypeDefinition?> tryFindType)
    {
        _module = module;
        _delegateTarget = module.ImportReference(@delegate.Methods.Single(m => m.Name == "get_Target"));
        _cachedLambdas = CachedLambdaHandOvers.For(module, tryFindType, node, _delegateTarget);
        _node = node;
        _capture = module.ImportReference(handOff.Methods.Single(m => m.Name == "Capture"));
        _wraps = handOff.Methods
            .Where(m => m.Name == "Wrap" && m.Parameters.Count == 2)
            .ToDictionary(m => ElementName(m.Parameters[0].ParameterType), StringComparer.Ordinal);
    }

    /// <summary>Null when the referenced runtime predates hand-overs (woven as before, without them).</summary>
    public static HandOffSites? For(ModuleDefinition module, Func<string, TypeDefinition?> tryFindType, TypeReference node) =>
        tryFindType("HybridProf.Markers.HandOff") is { } handOff && tryFindType("System.Delegate") is { } @delegate
            ? new HandOffSites(module, handOff, node, @delegate, tryFindType)
            : null;

    /// <summary>
    /// Lambdas and local functions of closure classes whose node field a hand-over site stores
    /// straight into (<see cref="ClosureCarriers"/>): the delegate is then handed over as it is.
    /// </summary>
    public IReadOnlyDictionary<MethodDefinition, FieldDefinition> ClosureFields { get; set; } = new Dictionary<MethodDefinition, FieldDefinition>();

    /// <summary>
    /// The closure lambdas <paramref name="method"/> hands over as a call's last argument, made
    /// into a delegate right there (<c>ldftn lambda; newobj; call</c>), as the compiler writes
    /// <c>Task.Run(() => Use(x))</c>.
    /// </summary>
    public IEnumerable<MethodDefinition> ClosureLambdasHandedOver(MethodDefinition method) =>
        !method.HasBody
            ? Enumerable.Empty<MethodDefinition>()
            : method.Body.Instructions.Where(IsHandOver).Select(ClosureLambdaBefore).OfType<MethodDefinition>().ToList();

    private MethodDefinition? ClosureLambdaBefore(Instruction call)
    {
        var callee = (MethodReference)call.Operand;
        if (callee.Parameters.Count == 0 || WrapFor(Substitute(callee.Parameters[^1].ParameterType, callee)) is null)
            return null;
        var create = call.Previous;
        var pointer = create?.OpCode.Code == Code.Newobj ? create.Previous : null;
        return pointer?.OpCode.Code == Code.Ldftn && (pointer.Operand as MethodReference)?.Resolve() is { IsStatic: false } lambda
            && lambda.Module == _module && ClosureCarriers.IsClosureClass(lambda.DeclaringType)
            ? lambda
            : null;
    }

    /// <summary>Rewrites every hand-over in <paramref name="method"/>'s body; returns how many.</summary>
    public int Rewrite(MethodDefinition method)
    {
        if (!method.HasBody)
            return 0;
        var sites = method.Body.Instructions.Where(IsHandOver).ToList();
        if (sites.Count == 0)
            return 0;
        method.Body.SimplifyMacros();
        int rewritten = sites.Count(site => Rewrite(method.Body, site));
        method.Body.OptimizeMacros();
        return rewritten;
    }

    private static bool IsHandOver(Instruction instruction)
    {
        if ((instruction.OpCode.Code is not (Code.Call or Code.Callvirt or Code.Newobj)) || instruction.Operand is not MethodReference callee)
            return false;
        if (instruction.Previous?.OpCode.Code == Code.Tail)
            return false;
        var type = callee.DeclaringType.GetElementType().FullName;
        return HandOverApis.TryGetValue(type, out var members) && (members is null || members.Contains(callee.Name));
    }

    /// <summary>
    /// <c>call M(a, d, b)</c> becomes <c>stloc b; stloc d; capture; stloc node; ldloc d; ldloc
    /// node; call Wrap; ldloc b; call M</c>: the arguments from the first delegate on are set
    /// aside, the delegates among them wrapped on the way back. The call instruction itself
    /// becomes the first store, so branches to it and its sequence point stay where they were.
    /// </summary>
    private bool Rewrite(MethodBody body, Instruction call)
    {
        var callee = (MethodReference)call.Operand;
        var types = callee.Parameters.Select(p => Substitute(p.ParameterType, callee)).ToArray();
        var wraps = types.Select(WrapFor).ToArray();
        int first = Array.FindIndex(wraps, w => w is not null);
        if (first < 0)
            return false;

        var il = body.GetILProcessor();
        // Read before the call becomes the first store: the pattern ends at the call.
        var cached = wraps[types.Length - 1] is not null ? _cachedLambdas?.CachedLambdaBefore(call) : null;
        var carried = wraps[types.Length - 1] is not null && ClosureLambdaBefore(call) is { } lambda && ClosureFields.TryGetValue(lambda, out var field) ? field : null;
        var saved = new VariableDefinition[types.Length];
        for (int i = first; i < types.Length; i++)
        {
            saved[i] = new VariableDefinition(_module.ImportReference(types[i]));
            body.Variables.Add(saved[i]);
        }
        var node = new VariableDefinition(_node);
        body.Variables.Add(node);

        var sequence = new List<Instruction>();
        for (int i = types.Length - 1; i >= first; i--)
            sequence.Add(il.Create(OpCodes.Stloc, saved[i]));
        sequence.Add(il.Create(OpCodes.Call, _capture));
        sequence.Add(il.Create(OpCodes.Stloc, node));
        for (int i = first; i < types.Length; i++)
        {
            if (i == types.Length - 1 && cached is var (cachedLambda, constructor))
            {
                sequence.AddRange(_cachedLambdas!.Handed(il, cachedLambda, constructor, saved[i], node));
                continue;
            }
            if (i == types.Length - 1 && carried is not null)
            {
                // ((Closure)work.Target).node = node; the delegate itself is handed over.
                sequence.Add(il.Create(OpCodes.Ldloc, saved[i]));
                sequence.Add(il.Create(OpCodes.Callvirt, _delegateTarget));
                sequence.Add(il.Create(OpCodes.Castclass, carried.DeclaringType));
                sequence.Add(il.Create(OpCodes.Ldloc, node));
                sequence.Add(il.Create(OpCodes.Stfld, carried));
                sequence.Add(il.Create(OpCodes.Ldloc, saved[i]));
                continue;
            }
            sequence.Add(il.Create(OpCodes.Ldloc, saved[i]));
            if (wraps[i] is { } wrap)
            {
                sequence.Add(il.Create(OpCodes.Ldloc, node));
                sequence.Add(il.Create(OpCodes.Call, wrap));
            }
        }
        sequence.Add(il.Create(call.OpCode, callee));

        call.OpCode = sequence[0].OpCode;
        call.Operand = sequence[0].Operand;
        var after = call;
        foreach (var instruction in sequence.Skip(1))
        {
            il.InsertAfter(after, instruction);
            after = instruction;
        }
        return true;
    }

    /// <summary>The Wrap overload for a parameter of this type, instantiated; null when it is no delegate HybridProf wraps.</summary>
    private MethodReference? WrapFor(TypeReference type)
    {
        if (!_wraps.TryGetValue(ElementName(type), out var wrap))
            return null;
        var imported = _module.ImportReference(wrap);
        if (!wrap.HasGenericParameters)
            return imported;
        if (type is not GenericInstanceType instance || instance.GenericArguments.Count != wrap.GenericParameters.Count)
            return null;
        var generic = new GenericInstanceMethod(imported);
        foreach (var argument in instance.GenericArguments)
            generic.GenericArguments.Add(_module.ImportReference(argument));
        return generic;
    }

    private static string ElementName(TypeReference type) =>
        type is ArrayType array ? ElementName(array.ElementType) + "[]" : type.GetElementType().FullName;

    /// <summary>A parameter type of the callee with its generic parameters replaced by the call's arguments.</summary>
    private static TypeReference Substitute(TypeReference type, MethodReference callee)
    {
        switch (type)
        {
            case GenericParameter { Type: GenericParameterType.Method } parameter when callee is GenericInstanceMethod method:
                return method.GenericArguments[parameter.Position];
            case GenericParameter { Type: GenericParameterType.Type } parameter when callee.DeclaringType is GenericInstanceType declaring:
                return declaring.GenericArguments[parameter.Position];
            case GenericInstanceType instance:
                var substituted = new GenericInstanceType(instance.ElementType);
                foreach (var argument in instance.GenericArguments)
                    substituted.GenericArguments.Add(Substitute(argument, callee));
                return substituted;
            case ArrayType array:
                return new ArrayType(Substitute(array.ElementType, callee), array.Rank);
            case ByReferenceType reference:
                return new ByReferenceType(Substitute(reference.ElementType, callee));
            default:
                return type;
        }
    }
}
