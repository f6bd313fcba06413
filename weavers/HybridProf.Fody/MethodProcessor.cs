using System;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace HybridProf.Fody;

/// <summary>
/// Plants the markers in one method body:
/// <code>
///   ldsfld   int32 __HybridProfMethodTable::Base
///   ldc.i4   localId
///   add
///   call     ShadowStack Marker::Enter(int32)
///   stloc    stack
///   .try { original body, each `ret` turned into `stloc result; leave End` }
///   finally { ldloc stack; call Marker::Exit(ShadowStack); endfinally }
/// End:
///   ldloc result; ret
/// </code>
/// The finally runs before any outer catch handler, so a frame that threw is gone from
/// the shadow stack by the time the handler runs.
/// </summary>
internal sealed class MethodProcessor
{
    private readonly MethodDefinition _method;
    private readonly int _localId;
    private readonly MarkerReferences _markers;
    private MethodBody Body => _method.Body;

    public MethodProcessor(MethodDefinition method, int localId, MarkerReferences markers)
    {
        _method = method;
        _localId = localId;
        _markers = markers;
    }

    public void Process()
    {
        Body.SimplifyMacros();
        RemoveTailCalls();

        var il = Body.GetILProcessor();
        var stack = new VariableDefinition(_markers.ShadowStack);
        Body.Variables.Add(stack);
        var result = _method.ReturnType.MetadataType == MetadataType.Void
            ? null
            : new VariableDefinition(StripModifiers(_method.ReturnType));
        if (result is not null)
            Body.Variables.Add(result);

        var firstOriginal = Body.Instructions[0];
        var finallyStart = il.Create(OpCodes.Ldloc, stack);
        var end = result is null ? il.Create(OpCodes.Ret) : il.Create(OpCodes.Ldloc, result);

        RedirectReturns(il, result, end);
        CloseOpenEndedHandlers(finallyStart);

        // The prologue goes before the try, so a throw inside it can never pop a frame it never pushed.
        var prologue = new[]
        {
            il.Create(OpCodes.Ldsfld, _markers.TableBase),
            il.Create(OpCodes.Ldc_I4, _localId),
            il.Create(OpCodes.Add),
            il.Create(OpCodes.Call, _markers.Enter),
            il.Create(OpCodes.Stloc, stack),
        };
        foreach (var instruction in prologue)
            il.InsertBefore(firstOriginal, instruction);

        il.Append(finallyStart);
        il.Append(il.Create(OpCodes.Call, _markers.Exit));
        il.Append(il.Create(OpCodes.Endfinally));
        il.Append(end);
        if (result is not null)
            il.Append(il.Create(OpCodes.Ret));

        Body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Finally)
        {
            TryStart = firstOriginal,
            TryEnd = finallyStart,
            HandlerStart = finallyStart,
            HandlerEnd = end,
        });
        Body.OptimizeMacros();
    }

    /// <summary>Each <c>ret</c> becomes <c>stloc result; leave End</c>, edited in place so branches to it and its sequence point stay.</summary>
    private void RedirectReturns(ILProcessor il, VariableDefinition? result, Instruction end)
    {
        foreach (var ret in Body.Instructions.Where(i => i.OpCode == OpCodes.Ret).ToList())
        {
            if (result is null)
            {
                ret.OpCode = OpCodes.Leave;
                ret.Operand = end;
            }
            else
            {
                ret.OpCode = OpCodes.Stloc;
                ret.Operand = result;
                il.InsertAfter(ret, il.Create(OpCodes.Leave, end));
            }
        }
    }

    /// <summary>
    /// Cecil marks a region that runs to the end of the method with a null end; appending
    /// the finally would silently stretch it over our code, so pin it to where it ended.
    /// </summary>
    private void CloseOpenEndedHandlers(Instruction firstAppended)
    {
        foreach (var handler in Body.ExceptionHandlers)
        {
            handler.TryEnd ??= firstAppended;
            handler.HandlerEnd ??= firstAppended;
        }
    }

    /// <summary>A <c>tail.</c> call must be followed by <c>ret</c>; inside a try it cannot be, so it becomes an ordinary call.</summary>
    private void RemoveTailCalls()
    {
        foreach (var tail in Body.Instructions.Where(i => i.OpCode == OpCodes.Tail).ToList())
        {
            tail.OpCode = OpCodes.Nop;
            tail.Operand = null;
        }
    }

    private static TypeReference StripModifiers(TypeReference type) => type switch
    {
        RequiredModifierType m => StripModifiers(m.ElementType),
        OptionalModifierType m => StripModifiers(m.ElementType),
        ByReferenceType { ElementType: RequiredModifierType or OptionalModifierType } r => new ByReferenceType(StripModifiers(r.ElementType)),
        _ => type,
    };
}
