using System.Collections.Generic;
using System.Linq;
using Fody;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HybridProf.Fody;

/// <summary>
/// The MoveNext of an async method or async iterator:
/// <code>
///   ldarg.0; ldfld &lt;&gt;1__state; ldarg.0; ldfld _HybridProf_node; (Base + id)
///   call     ShadowStack AsyncMarker::EnterMethod(int32, AsyncNode, int32)   // or EnterIterator
///   stloc    stack
///   .try {
///     ...
///     ldarg.0; ldc.i4 N; dup; stloc.0; stfld &lt;&gt;1__state        // an await that suspends (N ≥ 0)
///     ldarg.0; ldflda _HybridProf_node; call AsyncMarker::Suspend(AsyncNode&amp;)   // inserted
///     ... builder.AwaitUnsafeOnCompleted(ref awaiter, ref this) ...
///   } finally {
///     ldloc stack; ldarg.0; ldfld &lt;&gt;1__state; ldarg.0; ldfld _HybridProf_node
///     call AsyncMarker::Exit(ShadowStack, int32, AsyncNode)
///   }
/// </code>
/// The hook goes right after the state store, where the evaluation stack is empty and
/// before the builder boxes a struct state machine, so the boxed copy carries the node.
/// </summary>
internal sealed class AsyncMoveNextPlan : IMarkerPlan
{
    internal const string NodeFieldName = "_HybridProf_node";
    private const string StateFieldName = "<>1__state";

    private readonly MarkerReferences _markers;
    private readonly int _localId;
    private readonly bool _isIterator;
    private readonly FieldReference _state;
    private readonly FieldReference _node;

    public AsyncMoveNextPlan(MethodDefinition moveNext, MarkerReferences markers, int localId, bool isIterator)
    {
        _markers = markers;
        _localId = localId;
        _isIterator = isIterator;
        // Use the body's own reference to the state field: in a generic state machine it is
        // already the field of the instantiated type, which our field reference must match.
        _state = moveNext.Body.Instructions
            .Where(i => i.OpCode == OpCodes.Stfld || i.OpCode == OpCodes.Ldfld)
            .Select(i => (FieldReference)i.Operand)
            .FirstOrDefault(f => f.Name == StateFieldName)
            ?? throw new WeavingException($"the state machine {moveNext.DeclaringType.FullName} has no {StateFieldName} field the weaver recognises");
        var node = new FieldDefinition(NodeFieldName, FieldAttributes.Public, markers.AsyncNode);
        moveNext.DeclaringType.Fields.Add(node);
        _node = new FieldReference(node.Name, node.FieldType, _state.DeclaringType);
    }

    public TypeReference StackType => _markers.ShadowStack;

    public EntryGuard? Guard => null;

    public FirstRounds? FirstRounds => null;

    public void Prepare(MethodBody body, ILProcessor il)
    {
        foreach (var store in body.Instructions.Where(IsSuspendingStateStore).ToList())
        {
            il.InsertAfter(store, il.Create(OpCodes.Call, _markers.Suspend));
            il.InsertAfter(store, il.Create(OpCodes.Ldflda, _node));
            il.InsertAfter(store, il.Create(OpCodes.Ldarg_0));
        }
    }

    public IEnumerable<Instruction> Prologue(ILProcessor il, VariableDefinition stack)
    {
        yield return il.Create(OpCodes.Ldarg_0);
        yield return il.Create(OpCodes.Ldfld, _state);
        yield return il.Create(OpCodes.Ldarg_0);
        yield return il.Create(OpCodes.Ldfld, _node);
        foreach (var instruction in _markers.LoadGlobalId(il, _localId))
            yield return instruction;
        yield return il.Create(OpCodes.Call, _isIterator ? _markers.EnterAsyncIterator : _markers.EnterAsyncMethod);
        yield return il.Create(OpCodes.Stloc, stack);
    }

    public IEnumerable<Instruction> FinallyAfterLoadingStack(ILProcessor il)
    {
        yield return il.Create(OpCodes.Ldarg_0);
        yield return il.Create(OpCodes.Ldfld, _state);
        yield return il.Create(OpCodes.Ldarg_0);
        yield return il.Create(OpCodes.Ldfld, _node);
        yield return il.Create(OpCodes.Call, _markers.ExitAsync);
    }

    /// <summary>
    /// <c>stfld &lt;&gt;1__state</c> storing a constant ≥ 0, as the compiler does just before
    /// handing an awaiter to the builder (negative states are running, done and yields).
    /// </summary>
    private static bool IsSuspendingStateStore(Instruction instruction)
    {
        if (instruction.OpCode != OpCodes.Stfld || ((FieldReference)instruction.Operand).Name != StateFieldName)
            return false;
        var value = instruction.Previous;
        // Skip the compiler's "dup; stloc num" that keeps a copy of the new state.
        if (value?.OpCode == OpCodes.Stloc && value.Previous?.OpCode == OpCodes.Dup)
            value = value.Previous.Previous;
        return value?.OpCode == OpCodes.Ldc_I4 && (int)value.Operand >= 0;
    }
}
