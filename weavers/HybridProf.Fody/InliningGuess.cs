using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HybridProf.Fody;

/// <summary>
/// Whether the JIT is likely to inline a woven method into its callers, which decides how
/// its marker finds the thread's shadow stack: by machine-stack address (cheaper in a call),
/// or by thread-local read, whose address the JIT hoists out of the caller's loop once the
/// method is inlined there (docs/benchmarks.md, MarkerBenchmarks). A guess made on the IL,
/// with the JIT's own limits: either answer keeps the profile exact, only the cost differs.
/// </summary>
internal static class InliningGuess
{
    /// <summary>
    /// Largest original body guessed inlinable: with the marker's own IL (about 30 bytes) it
    /// stays under the 100 bytes the JIT considers for inlining at all.
    /// </summary>
    public const int MaxBodySize = 64;

    public static bool IsLikelyInlined(MethodDefinition method)
    {
        if (!method.HasBody || method.Body.CodeSize > MaxBodySize || IsLambda(method))
            return false;
        if ((method.ImplAttributes & (MethodImplAttributes.NoInlining | MethodImplAttributes.Synchronized)) != 0)
            return false;
        foreach (var instruction in method.Body.Instructions)
        {
            // The JIT inlines no loop and no stackalloc.
            if (instruction.OpCode.Code == Code.Localloc || SmallMethodRule.BranchesBack(instruction))
                return false;
        }
        return true;
    }

    /// <summary>
    /// A lambda's body (<c>&lt;Outer&gt;b__…</c>) runs through a delegate, which the JIT does not
    /// inline into a loop (a hand-over's thunk calls it directly, but once per run).
    /// </summary>
    private static bool IsLambda(MethodDefinition method) =>
        method.Name.StartsWith("<", System.StringComparison.Ordinal) && method.Name.Contains(">b__");
}
