using System;
using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HybridProf.Fody;

/// <summary>
/// Which methods stay unmarked because they are small (docs/instrumentation.md, "Small methods"):
/// the frames a native profiler would not show either, because the JIT inlines them. A marker
/// on such a method costs more than the method, both in its own calls and in every caller it
/// would have been inlined into, so its time is counted to its caller instead.
/// <para>
/// Left out: an IL body of at most <c>limit</c> bytes with no backward branch (no loop), no
/// exception handler, no <c>stackalloc</c>, no call to itself, not <c>NoInlining</c>, and
/// whose calls stay where the profile can see them or cost next to nothing (<see cref="IsVisibleOrCheap"/>):
/// a small method that hands work to code HybridProf does not see (the BCL, another library, a
/// <c>[NoProfile]</c> method) keeps its marker, because its frame is the only name that time gets.
/// Always marked: async methods and iterators (their state machines carry the logical stack
/// across awaits and steps), methods pinned by <c>[Profile]</c> on themselves, and everything
/// when the limit is 0.
/// </para>
/// </summary>
internal sealed class SmallMethodRule
{
    /// <summary>
    /// The limit when the project sets none (MSBuild <c>HybridProfSmallMethodLimit</c>). The JIT
    /// considers IL bodies of up to 100 bytes for inlining and inlines most straight-line ones
    /// of this size; in such a body the marker's thread-local read, push and pop are a large
    /// part of the work.
    /// </summary>
    public const int DefaultLimit = 64;

    // Types whose members are cheap leaf code that the JIT mostly turns into a few instructions.
    private static readonly HashSet<string> CheapTypes = new(StringComparer.Ordinal)
    {
        "System.Math", "System.MathF", "System.Char", "System.Object",
        "System.Span`1", "System.ReadOnlySpan`1", "System.Numerics.BitOperations",
        "System.Runtime.CompilerServices.Unsafe", "System.Runtime.InteropServices.MemoryMarshal",
    };

    private readonly int _limit;
    private readonly HashSet<MethodDefinition> _listed;

    /// <param name="limit">Largest IL body left out, in bytes; 0 marks everything.</param>
    /// <param name="listed">Every method the table lists, marked or not: code the profile sees.</param>
    public SmallMethodRule(int limit, IEnumerable<MethodDefinition> listed)
    {
        _limit = limit;
        _listed = new HashSet<MethodDefinition>(listed);
    }

    public bool IsLeftOut(MethodDefinition method, TableEntry entry)
    {
        if (_limit <= 0 || entry.IsPinned || entry.IsStateMachine || !method.HasBody)
            return false;
        if ((method.ImplAttributes & MethodImplAttributes.NoInlining) != 0)
            return false;
        var body = method.Body;
        if (body.CodeSize > _limit || body.HasExceptionHandlers)
            return false;
        foreach (var instruction in body.Instructions)
        {
            if (instruction.OpCode.Code == Code.Localloc || BranchesBack(instruction))
                return false;
            if (instruction.Operand is MethodReference callee && !IsVisibleOrCheap(instruction, callee, method))
                return false;
        }
        return true;
    }

    private static bool BranchesBack(Instruction instruction) => instruction.Operand switch
    {
        Instruction target => target.Offset <= instruction.Offset,
        Instruction[] targets => Array.Exists(targets, t => t.Offset <= instruction.Offset),
        _ => false,
    };

    /// <summary>
    /// A call the small method may make and still be folded: to a listed method of this module
    /// other than itself (its time shows under its own frame or its caller's), a property getter
    /// or operator (cheap by the design guidelines), a member of a leaf type such as
    /// <c>System.Math</c>, or the construction of an exception that is thrown at once (cold).
    /// </summary>
    private bool IsVisibleOrCheap(Instruction call, MethodReference callee, MethodDefinition caller)
    {
        if (callee.DeclaringType.GetElementType().Scope == caller.Module)
        {
            var definition = callee.Resolve();
            return definition != caller && (definition is null || _listed.Contains(definition) || IsAccessorOrOperator(callee));
        }
        if (call.OpCode.Code == Code.Ldftn || call.OpCode.Code == Code.Ldvirtftn || call.OpCode.Code == Code.Ldtoken)
            return true;
        return IsAccessorOrOperator(callee)
            || CheapTypes.Contains(callee.DeclaringType.GetElementType().FullName)
            || callee.Name.StartsWith("Throw", StringComparison.Ordinal)
            || (call.OpCode.Code == Code.Newobj && call.Next?.OpCode.Code == Code.Throw);
    }

    private static bool IsAccessorOrOperator(MethodReference callee) =>
        callee.Name.StartsWith("get_", StringComparison.Ordinal) || callee.Name.StartsWith("op_", StringComparison.Ordinal);
}
