using System;
using HybridProf.Model;

namespace HybridProf.Analysis;

/// <summary>Which stacks <see cref="FunctionWeights.Of"/> counts, and how it reads their leaves.</summary>
public sealed record FunctionWeightOptions
{
    /// <summary>Only the stacks this accepts count (e.g. those of one thread); null counts every stack.</summary>
    public Func<ProfileStack, bool>? Stacks { get; init; }

    /// <summary>
    /// Reads own weight as deterministic timing measures it, elapsed time in a function's own
    /// code: a <c>[blocked]</c> leaf (a thread waiting in a function) is that function's own
    /// time, so the stack counts as if it ended at its caller; an <c>[await]</c> leaf (a
    /// suspended async method) is nobody's own time, so those stacks are left out. False (the
    /// default) counts every leaf as the function it names.
    /// </summary>
    public bool ElapsedOwnTime { get; init; }
}
