using System;
using System.Collections.Generic;
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
/// the shadow stack by the time the handler runs. An entry guard stays before the prologue
/// (<see cref="EntryGuard"/>); first rounds are copies of the body before it, whose last
/// branches back lead to the prologue and then into the body at the same loop head (<see cref="FirstRounds"/>).
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

        // The prologue goes before the try, so a throw inside it can never pop a frame it never pushed.
        var prologue = _plan.Prologue(il, stack).ToList();

        // With an entry guard, the guard stays before the prologue, outside the try. With first
        // rounds, their copies of the body go before the prologue and the try starts with the jump
        // to the loop head the last copy went round to; laid out now, while the body's returns are its own.
        var guard = _plan.Guard;
        var bodyStart = Body.Instructions[0];
        var (roundsCopy, roundsDispatch) = _plan.FirstRounds is { } rounds
            ? rounds.Lay(il, Body, prologue[0], rounds.NeedsSelector ? AddVariable(_method.Module.TypeSystem.Int32) : null)
            : (null, null);
        var firstOriginal = roundsDispatch?[0] ?? guard?.BodyStart ?? bodyStart;
        var guardCode = new HashSet<Instruction>(guard?.Instructions ?? Array.Empty<Instruction>());
        var exitCopies = guard?.Exits.ToDictionary(exit => exit, exit => CopyRun(il, exit)) ?? new Dictionary<Instruction, List<Instruction>>();
        var finallyStart = il.Create(OpCodes.Ldloc, stack);
        var end = result is null ? il.Create(OpCodes.Ret) : il.Create(OpCodes.Ldloc, result);

        RedirectReturns(il, result, end, guardCode);
        CloseOpenEndedHandlers(finallyStart);

        foreach (var instruction in roundsCopy is null ? prologue : roundsCopy.Concat(prologue).Concat(roundsDispatch!))
            il.InsertBefore(roundsCopy is null ? firstOriginal : bodyStart, instruction);
        foreach (var instruction in guardCode)
        {
            if (instruction.Operand == firstOriginal)
                instruction.Operand = prologue[0];
            else if (instruction.Operand is Instruction target && exitCopies.TryGetValue(target, out var copy))
                instruction.Operand = copy[0];
        }

        il.Append(finallyStart);
        foreach (var instruction in _plan.FinallyAfterLoadingStack(il))
            il.Append(instruction);
        il.Append(il.Create(OpCodes.Endfinally));
        il.Append(end);
        if (result is not null)
            il.Append(il.Create(OpCodes.Ret));
        foreach (var instruction in exitCopies.Values.SelectMany(copy => copy))
            il.Append(instruction);

        Body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Finally)
        {
            TryStart = firstOriginal,
            TryEnd = finallyStart,
            HandlerStart = finallyStart,
            HandlerEnd = end,
        });
        Body.OptimizeMacros();
    }

    private VariableDefinition AddVariable(TypeReference type)
    {
        var variable = new VariableDefinition(type);
        Body.Variables.Add(variable);
        return variable;
    }

    /// <summary>
    /// Each <c>ret</c> of the marked part becomes <c>stloc result; leave End</c>, edited in place
    /// so branches to it and its sequence point stay; the guard's own returns stay as they are.
    /// </summary>
    private void RedirectReturns(ILProcessor il, VariableDefinition? result, Instruction end, HashSet<Instruction> guardCode)
    {
        foreach (var ret in Body.Instructions.Where(i => i.OpCode == OpCodes.Ret && !guardCode.Contains(i)).ToList())
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
    /// A copy of the run from <paramref name="start"/> to its <c>ret</c> or <c>throw</c>, for a
    /// guard that returns through code the marked part shares (<see cref="EntryGuard.Exits"/>).
    /// </summary>
    private static List<Instruction> CopyRun(ILProcessor il, Instruction start)
    {
        var copy = new List<Instruction>();
        for (var instruction = start; ; instruction = instruction.Next)
        {
            copy.Add(Twin(il, instruction));
            if (instruction.OpCode.Code is Code.Ret or Code.Throw)
                return copy;
        }
    }

    /// <summary>A new instruction with the opcode and operand of <paramref name="original"/> (a branch still goes where the original's went).</summary>
    internal static Instruction Twin(ILProcessor il, Instruction original)
    {
        var twin = il.Create(OpCodes.Nop);
        twin.OpCode = original.OpCode;
        twin.Operand = original.Operand;
        return twin;
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
