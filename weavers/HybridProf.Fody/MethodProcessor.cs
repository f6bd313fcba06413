using System;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace HybridProf.Fody;

/// <summary>
/// Plants the markers in one method body (the plan says which calls, see <see cref="SyncMarkerPlan"/>):
/// <code>
///   (prologue: the entry marker call)
///   stloc    stack           (the frame or stack the exit marker needs)
///   .try { original body, each `ret` turned into `stloc result; leave End` }
///   finally { ldloc stack; (the exit marker call); endfinally }
/// End:
///   ldloc result; ret
/// </code>
/// The finally runs before any outer catch handler, so a frame that threw is gone from
/// the shadow stack by the time the handler runs.
/// </summary>
internal sealed class MethodProcessor
{
    private readonly MethodDefinition _method;
    private readonly IMarkerPlan _plan;
    private MethodBody Body => _method.Body;

    public MethodProcessor(MethodDefinition method, IMarkerPlan plan)
    {
        _method = method;
        _plan = plan;
    }

    public void Process()
    {
        Body.SimplifyMacros();
        RemoveTailCalls();

        var il = Body.GetILProcessor();
        _plan.Prepare(Body, il);
        var stack = new VariableDefinition(_plan.StackType);
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
        foreach (var instruction in _plan.Prologue(il, stack))
            il.InsertBefore(firstOriginal, instruction);

        il.Append(finallyStart);
        foreach (var instruction in _plan.FinallyAfterLoadingStack(il))
            il.Append(instruction);
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
