namespace HybridProf.Markers;

/// <summary>One instrumented method as the generator described it.</summary>
/// <param name="Name">Display name, e.g. <c>Shop.Cache&lt;TKey, TValue&gt;.Get</c>.</param>
/// <param name="File">Source file path.</param>
/// <param name="Line">1-based declaration line.</param>
/// <param name="Kind">Table kind: <c>method</c>, <c>ctor</c>, <c>lambda</c>, ...</param>
/// <param name="Flags">
/// Table flags: <c>a</c> async, <c>i</c> iterator, <c>ai</c> both, <c>-</c> none; letters after those
/// say why it is or is not marked (<c>p</c> pinned by its own <c>[Profile]</c>, <c>s</c> left out
/// as small, <c>t</c> left out by the tune list, <c>g</c> marked after its entry guard), and
/// unknown ones are ignored.
/// </param>
internal sealed record MethodEntry(string Name, string File, int Line, string Kind, string Flags)
{
    /// <summary>An async method (<c>a</c>), not an async iterator (<c>ai</c>), whatever other letters follow.</summary>
    public bool IsAsyncMethod => Flags.IndexOf('a') >= 0 && Flags.IndexOf('i') < 0;

    /// <summary>Listed but never marked (small, or named in the tune list): its time is its callers'.</summary>
    public bool IsFolded => Flags.IndexOf('s') >= 0 || Flags.IndexOf('t') >= 0;

    /// <summary>Marked after its entry guard (<c>g</c>): a call that returns at the guard is its caller's time, and not counted.</summary>
    public bool HasEntryGuard => Flags.IndexOf('g') >= 0;
}
