using System.Threading;
using HybridProf.Configuration;

namespace HybridProf.Deterministic;

/// <summary>
/// How many call-tree nodes the deterministic recorders may still create, all threads together,
/// so a program with ever-new call paths (deep recursion, generated code) cannot grow the
/// recording without limit. Taken only when a new path is first entered, never on a repeat.
/// </summary>
internal sealed class CallPathBudget
{
    private readonly int _limit;
    private int _used;

    public CallPathBudget(int limit) => _limit = limit;

    /// <summary>The process's budget: <c>HYBRIDPROF_MAX_CALL_PATHS</c> at start-up, as the mode itself.</summary>
    public static CallPathBudget Process { get; } = new(CallPathLimit.ForProcess);

    /// <summary>Takes one node; false once the bound is reached.</summary>
    public bool TryTake()
    {
        // Read first, so failed attempts past the bound do not keep counting up.
        if (Volatile.Read(ref _used) >= _limit)
            return false;
        return Interlocked.Increment(ref _used) <= _limit;
    }
}
