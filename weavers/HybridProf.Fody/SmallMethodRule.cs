using System;
using System.Collections.Generic;
using System.Linq;
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
/// <c>[NoProfile]</c> method that is not itself small and cheap) keeps its marker, because its
/// frame is the only name that time gets.
/// Always marked: async methods and iterators (their state machines carry the logical stack
/// across awaits and steps), methods pinned by <c>[Profile]</c> on themselves, and everything
/// when the limit is 0.
/// </para>
/// </summary>
internal sealed class SmallMethodRule
{
    /// <summary>
    /// The limit when the project sets none (MSBuild <c>HybridProfSmallMethodLimit</c>): the
    /// largest IL body the JIT's default inlining policy takes as a candidate without profile
    /// data (<c>JitExtDefaultPolicyMaxIL</c>, 128 bytes; with the profile tiered compilation
    /// collects, hot call sites take larger ones). Straight-line bodies of this size are what it
    /// inlines at hot call sites, and in them the marker's lookup, push and pop are a large part
    /// of the work (docs/benchmarks.md: on Markdig, 64 here marked a third more calls, ×1.15
    /// against ×1.10 of the plain build at 100 Hz).
    /// </summary>
    public const int DefaultLimit = 128;

    // The BCL's in-memory building blocks: a call costs little and does no more than its
    // arguments ask (strings, spans, math, collections, compiler helpers), so a small method
    // that calls them does its own work, not work handed elsewhere. Not here: I/O, waiting,
    // threads, reflection, LINQ and other calls that run delegates, text writers (their target
    // may be a file): a small method calling those keeps its frame.
    private static readonly HashSet<string> CheapTypes = new(StringComparer.Ordinal)
    {
        "System.Object", "System.String", "System.Char", "System.Boolean", "System.Byte", "System.Int16", "System.UInt16",
        "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.Decimal",
        "System.IntPtr", "System.UIntPtr", "System.Math", "System.MathF", "System.Array", "System.Nullable`1",
        "System.Span`1", "System.ReadOnlySpan`1", "System.Memory`1", "System.ReadOnlyMemory`1", "System.MemoryExtensions",
        "System.Text.StringBuilder", "System.Text.Rune", "System.Globalization.CharUnicodeInfo", "System.Numerics.BitOperations",
        "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler", "System.Threading.Interlocked", "System.Buffers.SearchValues`1",
        "System.Collections.Generic.List`1", "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.HashSet`1",
        "System.Collections.Generic.Stack`1", "System.Collections.Generic.Queue`1", "System.Collections.Generic.KeyValuePair`2",
        "System.Collections.Generic.EqualityComparer`1", "System.Collections.Generic.Comparer`1",
        "System.Runtime.CompilerServices.Unsafe", "System.Runtime.CompilerServices.RuntimeHelpers",
        "System.Runtime.InteropServices.MemoryMarshal", "System.Runtime.InteropServices.CollectionsMarshal",
    };

    // Delegate parameters run code of any size; sorting is not a building block's constant cost.
    private static readonly string[] DelegateTypePrefixes = { "Func`", "Action`", "Action", "Predicate`", "Comparison`", "Converter`" };

    private readonly int _limit;
    private readonly HashSet<MethodDefinition> _listed;

    /// <param name="limit">Largest IL body left out, in bytes; 0 marks everything.</param>
    /// <param name="listed">Every method the table lists, marked or not: code the profile sees.</param>
    public SmallMethodRule(int limit, IEnumerable<MethodDefinition> listed)
    {
        _limit = limit;
        _listed = new HashSet<MethodDefinition>(listed);
    }

    public bool IsLeftOut(MethodDefinition method, TableEntry entry) => WhyMarked(method, entry) is null;

    /// <summary>Why the method keeps its marker, for the build's detailed log; null when it is folded.</summary>
    public string? WhyMarked(MethodDefinition method, TableEntry entry)
    {
        if (_limit <= 0)
            return "HybridProfSmallMethodLimit=0";
        if (entry.IsPinned)
            return "[Profile] on itself";
        if (entry.IsStateMachine)
            return "async or iterator";
        if (!method.HasBody)
            return "no body";
        if ((method.ImplAttributes & MethodImplAttributes.NoInlining) != 0)
            return "NoInlining";
        return WhyNotSmall(method, UnseenCalleeDepth);
    }

    /// <summary>
    /// The checks at the start of a marked method that let its calls return without a frame
    /// (<see cref="EntryGuard"/>), or null: none for the methods marked whatever their size
    /// (the limit 0, <c>[Profile]</c> on the method, <c>NoInlining</c>), none for state machines,
    /// and none for a method that calls itself, whose base case is a real call in native code
    /// too (the JIT inlines no recursion), so that its recursion keeps every frame and count.
    /// </summary>
    public EntryGuard? EntryGuardOf(MethodDefinition method, TableEntry entry)
    {
        if (!MayGoUnmarkedAtFirst(method, entry))
            return null;
        return EntryGuard.Find(method, _limit, (call, callee) => IsVisibleOrCheap(call, callee, method, UnseenCalleeDepth));
    }

    /// <summary>
    /// The first rounds of a method that only its loop keeps marked (<see cref="FirstRounds"/>): small
    /// and calling only what a folded method may call, but with a branch back; and none of its
    /// calls can push a frame of this module, so that the calls of a round without a frame are not
    /// shown one level too high. Null for every other method, and for those <see cref="EntryGuardOf"/> gives none.
    /// </summary>
    /// <param name="marked">The methods of this module that keep their markers.</param>
    public FirstRounds? FirstRoundsOf(MethodDefinition method, TableEntry entry, ICollection<MethodDefinition> marked)
    {
        if (!MayGoUnmarkedAtFirst(method, entry) || WhyNotSmall(method, UnseenCalleeDepth, loopsAllowed: true) is not null
            || !CallsNoFrame(method, marked, FramelessCalleeDepth))
            return null;
        return FirstRounds.Find(method);
    }

    /// <summary>
    /// How deep <see cref="CallsNoFrame"/> follows calls within the module: far enough for a
    /// check that calls a helper that calls its throwing local function.
    /// </summary>
    private const int FramelessCalleeDepth = 4;

    /// <summary>
    /// Whether no call of <paramref name="method"/> can push a frame of this module: each goes out
    /// of the module (only to the cheap building blocks a small method may call), or to a method
    /// of it that is not marked, not overridable, and calls no frame either, looked into
    /// <paramref name="depth"/> levels deep.
    /// </summary>
    private bool CallsNoFrame(MethodDefinition method, ICollection<MethodDefinition> marked, int depth)
    {
        foreach (var instruction in method.Body.Instructions)
        {
            if (instruction.Operand is not MethodReference callee || instruction.OpCode.Code is Code.Ldtoken)
                continue;
            if (callee.DeclaringType.GetElementType().Scope != method.Module)
                continue;
            var definition = callee.Resolve();
            if (definition is null || marked.Contains(definition) || !definition.HasBody
                || (definition.IsVirtual && !definition.IsFinal && !definition.DeclaringType.IsSealed)
                || depth == 0 || !CallsNoFrame(definition, marked, depth - 1))
                return false;
        }
        return true;
    }

    private bool MayGoUnmarkedAtFirst(MethodDefinition method, TableEntry entry) =>
        _limit > 0 && !entry.IsPinned && !entry.IsStateMachine && method.HasBody
        && (method.ImplAttributes & MethodImplAttributes.NoInlining) == 0 && !CallsItself(method);

    /// <summary>
    /// How deep the rule looks into small code the profile does not see (a primary constructor,
    /// a small <c>[NoProfile]</c> helper) before it calls it out of sight.
    /// </summary>
    private const int UnseenCalleeDepth = 2;

    /// <summary>
    /// What keeps the body from being small, straight-line and calling only code the profile
    /// sees or that costs next to nothing; null when it is. <paramref name="depth"/> is how many
    /// more levels of unseen callees may be looked into.
    /// </summary>
    /// <param name="loopsAllowed">Whether a branch back is let pass (<see cref="FirstRoundsOf"/>).</param>
    private string? WhyNotSmall(MethodDefinition method, int depth, bool loopsAllowed = false)
    {
        var body = method.Body;
        if (body.CodeSize > _limit)
            return $"IL {body.CodeSize} bytes";
        if (body.HasExceptionHandlers)
            return "exception handler";
        foreach (var instruction in body.Instructions)
        {
            if (instruction.OpCode.Code == Code.Localloc)
                return "stackalloc";
            if (BranchesBack(instruction) && !loopsAllowed)
                return "loop";
            if (instruction.Operand is MethodReference callee && !IsVisibleOrCheap(instruction, callee, method, depth))
                return "calls " + callee.DeclaringType.Name + "." + callee.Name;
        }
        return null;
    }

    private static bool CallsItself(MethodDefinition method) =>
        method.Body.Instructions.Any(i => i.Operand is MethodReference callee && callee.Name == method.Name && callee.Resolve() == method);

    /// <summary>A branch to itself or an earlier instruction: the method has a loop.</summary>
    internal static bool BranchesBack(Instruction instruction) => instruction.Operand switch
    {
        Instruction target => target.Offset <= instruction.Offset,
        Instruction[] targets => Array.Exists(targets, t => t.Offset <= instruction.Offset),
        _ => false,
    };

    /// <summary>
    /// A call the small method may make and still be folded: to a method of this module other
    /// than itself that the profile sees or that is part of its callers anyway (listed, abstract,
    /// written by the compiler, <c>AggressiveInlining</c>), a property accessor or operator (cheap
    /// by the design guidelines), one of the BCL's in-memory building blocks, <c>typeof</c>, a
    /// <c>Throw…</c> helper, or an exception built and thrown at once (cold). Not: a same-module
    /// method excluded from the profile (<c>[NoProfile]</c>, generated files), whose time this frame
    /// names, unless that method is small, straight-line and calls only such code itself (a
    /// primary constructor, which the generator cannot list because it has no body of its own;
    /// a one-line <c>[NoProfile]</c> helper): then its time is next to nothing, as a building block's.
    /// </summary>
    private bool IsVisibleOrCheap(Instruction call, MethodReference callee, MethodDefinition caller, int depth)
    {
        if (callee.DeclaringType.GetElementType().Scope == caller.Module)
        {
            var definition = callee.Resolve();
            return definition != caller && (definition is null || _listed.Contains(definition) || !definition.HasBody
                || IsAccessorOrOperator(callee) || IsWrittenByTheCompiler(definition) || IsInlinedByRequest(definition)
                || (depth > 0 && WhyNotSmall(definition, depth - 1) is null));
        }
        if (call.OpCode.Code == Code.Ldftn || call.OpCode.Code == Code.Ldvirtftn || call.OpCode.Code == Code.Ldtoken)
            return true;
        return IsAccessorOrOperator(callee)
            || IsBuildingBlock(callee)
            || (callee.Name == "GetTypeFromHandle" && callee.DeclaringType.FullName == "System.Type")
            || callee.Name.StartsWith("Throw", StringComparison.Ordinal)
            || (call.OpCode.Code == Code.Newobj && call.Next?.OpCode.Code == Code.Throw);
    }

    private static bool IsBuildingBlock(MethodReference callee) =>
        CheapTypes.Contains(callee.DeclaringType.GetElementType().FullName)
        && callee.Name != "Sort"
        && !callee.Parameters.Any(p => Array.Exists(DelegateTypePrefixes, d => p.ParameterType.Name.StartsWith(d, StringComparison.Ordinal)));

    private static bool IsAccessorOrOperator(MethodReference callee) =>
        callee.Name.StartsWith("get_", StringComparison.Ordinal)
        || callee.Name.StartsWith("set_", StringComparison.Ordinal)
        || callee.Name.StartsWith("op_", StringComparison.Ordinal);

    /// <summary>
    /// Code of this module the generator never lists because the compiler wrote it (auto-property
    /// accessors, default constructors, closure classes): trivial, and nothing a user named.
    /// </summary>
    private static bool IsWrittenByTheCompiler(MethodDefinition method) =>
        HasCompilerGenerated(method) || HasCompilerGenerated(method.DeclaringType)
        || (method.IsConstructor && !method.IsStatic && !method.HasParameters);

    /// <summary><c>AggressiveInlining</c>: the generator leaves it out because it becomes part of its callers.</summary>
    private static bool IsInlinedByRequest(MethodDefinition method) =>
        (method.ImplAttributes & MethodImplAttributes.AggressiveInlining) != 0;

    private static bool HasCompilerGenerated(ICustomAttributeProvider provider) =>
        provider.HasCustomAttributes && provider.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.CompilerGeneratedAttribute");
}
