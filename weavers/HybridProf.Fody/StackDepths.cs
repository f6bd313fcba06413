using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Collections.Generic;

namespace HybridProf.Fody;

/// <summary>
/// The evaluation stack's depth before instructions of a body, for <see cref="EntryGuard"/> and
/// <see cref="FirstRounds"/>: a try block (the marked part) may only begin where the stack is empty.
/// </summary>
internal static class StackDepths
{
    /// <summary>
    /// Depth before each reachable instruction of <c>code[0..end)</c>, and before
    /// <paramref name="next"/> as the prefix reaches it; null when the prefix branches back, or
    /// two ways into one instruction disagree.
    /// </summary>
    public static Dictionary<Instruction, int>? Before(Collection<Instruction> code, int end, Instruction next)
    {
        var depths = new Dictionary<Instruction, int> { [code[0]] = 0 };
        for (int i = 0; i < end; i++)
        {
            var instruction = code[i];
            if (!depths.TryGetValue(instruction, out int depth))
                continue; // only reached by branches from further on: not in a guard
            int after = depth - Pops(instruction, depth) + Pushes(instruction);
            if (after < 0)
                return null;
            if (instruction.Operand is Instruction target && !Reach(depths, target, after, code, i))
                return null;
            if (instruction.OpCode.FlowControl is FlowControl.Branch or FlowControl.Return or FlowControl.Throw)
                continue;
            if (!Reach(depths, i + 1 < end ? code[i + 1] : next, after, code, i))
                return null;
        }
        return depths;
    }

    /// <summary>
    /// Depth before each instruction of a body without exception handlers, in the one forward
    /// pass the CLI itself infers it with (ECMA-335 III.1.7.5: an instruction after an
    /// unconditional branch that no earlier branch went to starts with an empty stack); null
    /// when two ways into one instruction disagree.
    /// </summary>
    public static Dictionary<Instruction, int>? OfBody(Collection<Instruction> code)
    {
        var depths = new Dictionary<Instruction, int>();
        bool fallsThrough = false;
        int after = 0;
        foreach (var instruction in code)
        {
            if (depths.TryGetValue(instruction, out int known))
            {
                if (fallsThrough && known != after)
                    return null;
            }
            else
            {
                depths[instruction] = fallsThrough ? after : 0;
            }
            int depth = depths[instruction];
            after = depth - Pops(instruction, depth) + Pushes(instruction);
            if (after < 0)
                return null;
            foreach (var target in BranchTargets(instruction))
            {
                if (!depths.TryGetValue(target, out int there))
                    depths[target] = after;
                else if (there != after)
                    return null;
            }
            fallsThrough = instruction.OpCode.FlowControl is not (FlowControl.Branch or FlowControl.Return or FlowControl.Throw);
        }
        return depths;
    }

    /// <summary>Where a branch or switch may go (not counting the next instruction).</summary>
    internal static IEnumerable<Instruction> BranchTargets(Instruction instruction) => instruction.Operand switch
    {
        Instruction target => new[] { target },
        Instruction[] targets => targets,
        _ => System.Array.Empty<Instruction>(),
    };

    private static bool Reach(Dictionary<Instruction, int> depths, Instruction target, int depth, Collection<Instruction> code, int from)
    {
        if (code.IndexOf(target) <= from)
            return false;
        if (depths.TryGetValue(target, out int known))
            return known == depth;
        depths[target] = depth;
        return true;
    }

    private static int Pops(Instruction instruction, int depth)
    {
        switch (instruction.OpCode.StackBehaviourPop)
        {
            case StackBehaviour.Pop0:
                return 0;
            case StackBehaviour.Pop1 or StackBehaviour.Popi or StackBehaviour.Popref:
                return 1;
            case StackBehaviour.Pop1_pop1 or StackBehaviour.Popi_pop1 or StackBehaviour.Popi_popi or StackBehaviour.Popi_popi8
                or StackBehaviour.Popi_popr4 or StackBehaviour.Popi_popr8 or StackBehaviour.Popref_pop1 or StackBehaviour.Popref_popi:
                return 2;
            case StackBehaviour.Popi_popi_popi or StackBehaviour.Popref_popi_popi or StackBehaviour.Popref_popi_popi8
                or StackBehaviour.Popref_popi_popr4 or StackBehaviour.Popref_popi_popr8 or StackBehaviour.Popref_popi_popref:
                return 3;
            case StackBehaviour.PopAll:
                return depth;
            default: // Varpop: calls and ret
                if (instruction.Operand is MethodReference method)
                {
                    int arguments = method.Parameters.Count;
                    return instruction.OpCode.Code != Code.Newobj && method.HasThis && !method.ExplicitThis ? arguments + 1 : arguments;
                }
                return instruction.OpCode.Code == Code.Ret ? depth : 0;
        }
    }

    private static int Pushes(Instruction instruction)
    {
        switch (instruction.OpCode.StackBehaviourPush)
        {
            case StackBehaviour.Push0:
                return 0;
            case StackBehaviour.Push1_push1:
                return 2;
            case StackBehaviour.Varpush:
                return instruction.Operand is MethodReference method
                    && (instruction.OpCode.Code == Code.Newobj || method.ReturnType.MetadataType != MetadataType.Void) ? 1 : 0;
            default:
                return 1;
        }
    }
}
