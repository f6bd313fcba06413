using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HybridProf.Fody;

/// <summary>
/// A non-capturing lambda handed over where the compiler caches its delegate
/// (<c>Task.Run(() => Work())</c>): instead of a wrapper and a delegate to it (96 bytes), the
/// delegate handed over is bound straight to the hander's node, through a static thunk of the
/// lambda's class that takes the node first (<c>&lt;&gt;hp__handed…(AsyncNode from, …)</c>:
/// the switch entry, then the lambda): one delegate, 64 bytes, and none when the same place
/// hands it over again under the same node (a static field of the class keeps the last one).
/// Only where the cache's load and store sit right before the call, as the compiler writes a
/// lambda passed as the last argument; anything else is wrapped by the runtime as before.
/// </summary>
internal sealed class CachedLambdaHandOvers
{
    private readonly ModuleDefinition _module;
    private readonly TypeReference _node;
    private readonly TypeReference _frame;
    private readonly MethodReference _enter;
    private readonly MethodReference _exit;
    private readonly MethodReference _delegateTarget;
    private readonly MethodReference? _hiddenFromTraces;
    private readonly Dictionary<MethodDefinition, MethodDefinition> _thunks = new();
    private int _sites;

    private CachedLambdaHandOvers(ModuleDefinition module, TypeReference node, TypeDefinition marker, TypeDefinition frame, MethodReference delegateTarget, TypeDefinition? stackTraceHidden)
    {
        _module = module;
        _node = node;
        _frame = module.ImportReference(frame);
        _enter = module.ImportReference(MarkerReferences.Find(marker, "EnterHandedOver", 1));
        _exit = module.ImportReference(MarkerReferences.Find(marker, "ExitHandedOver", 1));
        _delegateTarget = delegateTarget;
        if (stackTraceHidden?.Methods.FirstOrDefault(m => m.IsConstructor && !m.HasParameters) is { } ctor)
            _hiddenFromTraces = module.ImportReference(ctor);
    }

    /// <summary>Null when the referenced runtime predates the handed-over entries (such lambdas are then wrapped).</summary>
    /// <param name="delegateTarget">The module's reference to <c>Delegate.Target</c>: the node a bound delegate was made with.</param>
    public static CachedLambdaHandOvers? For(ModuleDefinition module, Func<string, TypeDefinition?> tryFindType, TypeReference node, MethodReference delegateTarget) =>
        tryFindType("HybridProf.Markers.Marker") is { } marker
        && marker.Methods.Any(m => m.Name == "EnterHandedOver")
        && tryFindType("HybridProf.Markers.HandedMarkerFrame") is { } frame
            ? new CachedLambdaHandOvers(module, node, marker, frame, delegateTarget, tryFindType("System.Diagnostics.StackTraceHiddenAttribute"))
            : null;

    /// <summary>
    /// The lambda whose cached delegate <paramref name="call"/> receives as its last argument,
    /// and the delegate's constructor, when the compiler's cache pattern ends right at the call:
    /// <c>ldsfld cache; dup; brtrue call; pop; ldsfld &lt;&gt;9; ldftn lambda; newobj; dup; stsfld cache; call</c>.
    /// </summary>
    public (MethodDefinition Lambda, MethodReference Constructor)? CachedLambdaBefore(Instruction call)
    {
        var store = call.Previous;
        if (store?.OpCode.Code != Code.Stsfld || store.Operand is not FieldReference cache)
            return null;
        var create = store.Previous?.OpCode.Code == Code.Dup ? store.Previous.Previous : null;
        var pointer = create?.OpCode.Code == Code.Newobj ? create.Previous : null;
        var instance = pointer?.OpCode.Code == Code.Ldftn ? pointer.Previous : null;
        var pop = instance?.OpCode.Code == Code.Ldsfld && instance.Operand is FieldReference { Name: "<>9" } ? instance.Previous : null;
        var test = pop?.OpCode.Code == Code.Pop ? pop.Previous : null;
        var load = test?.OpCode.Code == Code.Brtrue && test.Operand == call && test.Previous?.OpCode.Code == Code.Dup ? test.Previous.Previous : null;
        if (load?.OpCode.Code != Code.Ldsfld || load.Operand is not FieldReference loaded || loaded.FullName != cache.FullName)
            return null;
        // A generic lambda class (lambdas of generic methods or types) would need its thunk and
        // cache through its own instantiation: left to the runtime's wrapper.
        if ((pointer!.Operand as MethodReference)?.Resolve() is not { IsStatic: false, HasGenericParameters: false } lambda
            || lambda.Module != _module || lambda.DeclaringType.HasGenericParameters)
            return null;
        return (lambda, (MethodReference)create!.Operand);
    }

    /// <summary>
    /// What replaces wrapping the cached delegate in <paramref name="saved"/>: with a node,
    /// the site's last bound delegate if it was bound to this node, else a new one bound to it
    /// (and kept); without one (the thread runs no instrumented code), the cached delegate.
    /// </summary>
    public IEnumerable<Instruction> Handed(ILProcessor il, MethodDefinition lambda, MethodReference delegateConstructor, VariableDefinition saved, VariableDefinition node)
    {
        var thunk = ThunkFor(lambda);
        var site = new FieldDefinition($"<>hp__handedAt{_sites++}", FieldAttributes.Assembly | FieldAttributes.Static, delegateConstructor.DeclaringType);
        lambda.DeclaringType.Fields.Add(site);

        var done = il.Create(OpCodes.Nop);
        var original = il.Create(OpCodes.Ldloc, saved);
        var makeNew = il.Create(OpCodes.Pop);
        return new[]
        {
            il.Create(OpCodes.Ldloc, node),
            il.Create(OpCodes.Brfalse, original),
            il.Create(OpCodes.Ldsfld, site),
            il.Create(OpCodes.Dup),
            il.Create(OpCodes.Brfalse, makeNew),
            il.Create(OpCodes.Dup),
            il.Create(OpCodes.Callvirt, _delegateTarget),
            il.Create(OpCodes.Ldloc, node),
            il.Create(OpCodes.Beq, done),
            makeNew,
            il.Create(OpCodes.Ldloc, node),
            il.Create(OpCodes.Ldftn, thunk),
            il.Create(OpCodes.Newobj, delegateConstructor),
            il.Create(OpCodes.Dup),
            il.Create(OpCodes.Stsfld, site),
            il.Create(OpCodes.Br, done),
            original,
            done,
        };
    }

    /// <summary>
    /// <c>static R &lt;&gt;hp__handed{lambda}(AsyncNode from, args…)</c>:
    /// <c>frame = Marker.EnterHandedOver(from); try { return &lt;&gt;9.lambda(args…); } finally { Marker.ExitHandedOver(frame); }</c>.
    /// </summary>
    private MethodDefinition ThunkFor(MethodDefinition lambda)
    {
        if (_thunks.TryGetValue(lambda, out var existing))
            return existing;
        var type = lambda.DeclaringType;
        var singleton = type.Fields.Single(f => f.Name == "<>9");
        var thunk = new MethodDefinition("<>hp__handed" + lambda.Name, MethodAttributes.Assembly | MethodAttributes.Static | MethodAttributes.HideBySig, lambda.ReturnType);
        thunk.Parameters.Add(new ParameterDefinition("from", ParameterAttributes.None, _node));
        foreach (var parameter in lambda.Parameters)
            thunk.Parameters.Add(new ParameterDefinition(parameter.Name, parameter.Attributes & ~ParameterAttributes.HasDefault, parameter.ParameterType));
        if (_hiddenFromTraces is not null)
            thunk.CustomAttributes.Add(new CustomAttribute(_hiddenFromTraces));

        var body = thunk.Body;
        var frame = new VariableDefinition(_frame);
        body.Variables.Add(frame);
        bool returns = lambda.ReturnType.MetadataType != MetadataType.Void;
        var result = returns ? new VariableDefinition(lambda.ReturnType) : null;
        if (result is not null)
            body.Variables.Add(result);
        var il = body.GetILProcessor();

        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, _enter);
        il.Emit(OpCodes.Stloc, frame);
        var tryStart = il.Create(OpCodes.Ldsfld, singleton);
        il.Append(tryStart);
        for (int i = 1; i < thunk.Parameters.Count; i++)
            il.Emit(OpCodes.Ldarg, thunk.Parameters[i]);
        il.Emit(OpCodes.Call, lambda);
        if (result is not null)
            il.Emit(OpCodes.Stloc, result);
        var end = result is not null ? il.Create(OpCodes.Ldloc, result) : il.Create(OpCodes.Ret);
        il.Emit(OpCodes.Leave, end);
        var finallyStart = il.Create(OpCodes.Ldloc, frame);
        il.Append(finallyStart);
        il.Emit(OpCodes.Call, _exit);
        il.Emit(OpCodes.Endfinally);
        il.Append(end);
        if (result is not null)
            il.Emit(OpCodes.Ret);
        body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Finally)
        {
            TryStart = tryStart,
            TryEnd = finallyStart,
            HandlerStart = finallyStart,
            HandlerEnd = end,
        });
        body.InitLocals = true;
        type.Methods.Add(thunk);
        _thunks[lambda] = thunk;
        return thunk;
    }
}
