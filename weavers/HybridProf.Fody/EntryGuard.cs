using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Collections.Generic;

namespace HybridProf.Fody;

/// <summary>
/// The entry guard of a marked method: the checks at its start that can return (or throw) at
/// once, before the method's real work (<c>if (text.Length == 0) return false;</c>,
/// <c>if (!Enabled) return 0;</c>). The marker is pushed where the guard lets the call through,
/// so a call that returns at its guard has no frame: its few instructions count to the caller,
/// as a small method's do (<see cref="SmallMethodRule"/>), and as a native profiler shows a
/// function whose guard the compiler inlined into its callers (partial inlining).
/// <para>
/// The guard is the longest prefix of the body, at most the size rule's limit in bytes, that
/// is straight-line (no branch back, no instruction reached from further on), outside every
/// exception handler, calls only what the size rule calls visible or cheap, and ends where the
/// evaluation stack is empty and every way out of it that does not return goes to that one
/// point. Its ways out that do return are either inside it or a short run of instructions
/// ending in <c>ret</c> or <c>throw</c> further on (often the method's shared
/// <c>return result;</c>), which the weaver copies next to the guard, because the original
/// is inside the marked part.
/// </para>
/// </summary>
internal sealed class EntryGuard
{
    /// <summary>Longest run further on that a guard may return through (copied once per guard).</summary>
    private const int MaxExitLength = 6;

    private EntryGuard(IReadOnlyList<Instruction> instructions, Instruction bodyStart, IReadOnlyList<Instruction> exits)
    {
        Instructions = instructions;
        BodyStart = bodyStart;
        Exits = exits;
    }

    /// <summary>The guard's instructions, in order: they stay outside the marked part.</summary>
    public IReadOnlyList<Instruction> Instructions { get; }

    /// <summary>Where the marked part begins: the marker is pushed just before it.</summary>
    public Instruction BodyStart { get; }

    /// <summary>Starts of the runs further on that the guard returns through.</summary>
    public IReadOnlyList<Instruction> Exits { get; }

    /// <param name="isCheapCall">Whether the guard may make this call (the size rule's test).</param>
    public static EntryGuard? Find(MethodDefinition method, int limit, Func<Instruction, MethodReference, bool> isCheapCall)
    {
        if (!method.HasBody || limit <= 0)
            return null;
        var body = method.Body;
        var code = body.Instructions;
        var sources = BranchSources(code);
        var handled = InHandlers(body);
        int firstHandled = Array.IndexOf(handled, true) is int first and >= 0 ? first : code.Count;

        // The longest prefix whose instructions may all be in a guard.
        int longest = 0;
        int size = 0;
        while (longest < code.Count && longest < firstHandled)
        {
            var instruction = code[longest];
            size += instruction.GetSize();
            if (size > limit || !MayBeInGuard(instruction, isCheapCall)
                || (sources.TryGetValue(instruction, out var from) && from.Any(s => s >= longest || longest == 0)))
                break;
            longest++;
        }

        // The longest guard within it that ends at a point the marked part can start from; a
        // marked part is left after it even when the whole body could be a guard.
        for (int end = Math.Min(longest, code.Count - 1); end > 0; end--)
        {
            if (TryEndAt(code, end, handled, isCheapCall) is { } exits)
                return new EntryGuard(code.Take(end).ToList(), code[end], exits);
        }
        return null;
    }

    /// <summary>The exits a guard of <c>code[0..end)</c> returns through, or null when it cannot end there.</summary>
    private static List<Instruction>? TryEndAt(Collection<Instruction> code, int end, bool[] handled, Func<Instruction, MethodReference, bool> isCheapCall)
    {
        var bodyStart = code[end];
        // The marker goes between two whole instructions, into a body the guard reaches with an empty stack.
        if (code[end - 1].OpCode.OpCodeType == OpCodeType.Prefix)
            return null;
        var depths = StackDepths.Before(code, end, bodyStart);
        if (depths is null || !depths.TryGetValue(bodyStart, out int atStart) || atStart != 0)
            return null;
        var exits = new List<Instruction>();
        bool returns = false;
        for (int i = 0; i < end; i++)
        {
            var instruction = code[i];
            if (instruction.OpCode.Code == Code.Ret && depths.ContainsKey(instruction))
                returns = true;
            foreach (var target in StackDepths.BranchTargets(instruction))
            {
                int index = code.IndexOf(target);
                if (index < end || target == bodyStart)
                    continue;
                // Any other way out of the guard (into the middle of the marked part) ends no guard here.
                if (ShortExitEnd(code, index, handled, isCheapCall) is not { } last)
                    return null;
                returns |= last == Code.Ret;
                if (!exits.Contains(target))
                    exits.Add(target);
            }
        }
        // Some call must return early: a guard that can only throw saves nothing.
        return returns ? exits : null;
    }

    /// <summary>
    /// How a run from <paramref name="start"/> with no branch and nothing costly ends (<c>ret</c>
    /// or <c>throw</c>), or null when there is no such run of at most <see cref="MaxExitLength"/>
    /// instructions outside every exception handler (its copy will be outside them).
    /// </summary>
    private static Code? ShortExitEnd(Collection<Instruction> code, int start, bool[] handled, Func<Instruction, MethodReference, bool> isCheapCall)
    {
        for (int i = start; i < code.Count && i < start + MaxExitLength && !handled[i]; i++)
        {
            var instruction = code[i];
            if (instruction.OpCode.Code is Code.Ret or Code.Throw)
                return instruction.OpCode.Code;
            if (instruction.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch
                || !MayBeInGuard(instruction, isCheapCall))
                return null;
        }
        return null;
    }

    private static bool MayBeInGuard(Instruction instruction, Func<Instruction, MethodReference, bool> isCheapCall)
    {
        switch (instruction.OpCode.Code)
        {
            case Code.Localloc or Code.Switch or Code.Jmp or Code.Calli or Code.Tail or Code.Leave or Code.Leave_S
                or Code.Endfinally or Code.Endfilter or Code.Rethrow or Code.Ldftn or Code.Ldvirtftn:
                return false;
        }
        if (SmallMethodRule.BranchesBack(instruction))
            return false;
        return instruction.Operand is not MethodReference callee || isCheapCall(instruction, callee);
    }

    /// <summary>For each branch target, the indexes of the instructions that branch to it.</summary>
    private static Dictionary<Instruction, List<int>> BranchSources(Collection<Instruction> code)
    {
        var sources = new Dictionary<Instruction, List<int>>();
        for (int i = 0; i < code.Count; i++)
        {
            foreach (var target in StackDepths.BranchTargets(code[i]))
            {
                if (!sources.TryGetValue(target, out var list))
                    sources[target] = list = new List<int>();
                list.Add(i);
            }
        }
        return sources;
    }

    /// <summary>For each instruction, whether it lies in a protected region, a filter or a handler.</summary>
    private static bool[] InHandlers(MethodBody body)
    {
        var code = body.Instructions;
        var inside = new bool[code.Count];
        foreach (var handler in body.ExceptionHandlers)
        {
            Mark(handler.TryStart, handler.TryEnd);
            Mark(handler.FilterStart, handler.HandlerStart);
            Mark(handler.HandlerStart, handler.HandlerEnd);
        }
        return inside;

        // [start, end); a null end (Cecil's "to the end of the method") runs to the last instruction.
        void Mark(Instruction? start, Instruction? end)
        {
            if (start is null)
                return;
            int to = end is null ? code.Count : code.IndexOf(end);
            for (int i = code.IndexOf(start); i < to; i++)
                inside[i] = true;
        }
    }
}
