namespace HybridProf.Cli.Tune;

/// <summary>One function of a deterministic run: how often it was called and its own time.</summary>
/// <param name="Name">The frame name, as profiles and the method table show it.</param>
/// <param name="File">Its source file; null for synthetic frames.</param>
/// <param name="Calls">Calls, recursive ones included.</param>
/// <param name="OwnNanoseconds">Time with the function on top of the stack (deterministic mode, so it includes part of the timing's own cost).</param>
internal sealed record FunctionCalls(string Name, string? File, long Calls, double OwnNanoseconds)
{
    /// <summary>Own time per call, in nanoseconds.</summary>
    public double OwnPerCall => Calls == 0 ? 0 : OwnNanoseconds / Calls;
}

/// <summary>What a deterministic run counted: the functions its report lists, and the calls of all functions.</summary>
/// <param name="Functions">The listed functions (the report lists the ones with the most own time).</param>
/// <param name="TotalCalls">Calls of every instrumented function, listed or not.</param>
internal sealed record CallCounts(IReadOnlyList<FunctionCalls> Functions, long TotalCalls)
{
    /// <summary>Calls of functions the report does not list.</summary>
    public long UnlistedCalls => TotalCalls - Functions.Sum(f => f.Calls);

    /// <summary>Several processes' counts as one: a function's calls and times add up by name.</summary>
    public static CallCounts Merge(IReadOnlyList<CallCounts> parts) => new(
        parts.SelectMany(p => p.Functions)
            .GroupBy(f => f.Name, StringComparer.Ordinal)
            .Select(g => new FunctionCalls(g.Key, g.First().File, g.Sum(f => f.Calls), g.Sum(f => f.OwnNanoseconds)))
            .ToList(),
        parts.Sum(p => p.TotalCalls));
}
