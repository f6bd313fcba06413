namespace HybridProf.Model;

/// <summary>One function as it appears in a profile.</summary>
/// <param name="Name">The name a C# reader would write, e.g. <c>Shop.Cache&lt;TKey, TValue&gt;.Get</c>.</param>
/// <param name="File">Source file, or null for synthetic frames such as <c>[GC]</c>.</param>
/// <param name="Line">1-based source line, or 0 when unknown.</param>
public sealed record Frame(string Name, string? File = null, int Line = 0)
{
    /// <summary>Time the runtime spent in garbage-collection pauses, which stop the sampler too.</summary>
    public static readonly Frame GarbageCollection = new("[GC]");

    /// <summary>Frames beyond the shadow stack's depth cap; what overflows is counted here.</summary>
    public static readonly Frame Truncated = new("[truncated]");

    /// <summary>Wall mode: an async operation suspended at an await (its innermost wait).</summary>
    public static readonly Frame Await = new("[await]");

    /// <summary>Wall mode: a thread inside instrumented code that is neither running nor ready to run.</summary>
    public static readonly Frame Blocked = new("[blocked]");
}
