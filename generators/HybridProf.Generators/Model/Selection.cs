namespace HybridProf.Generators.Model;

/// <summary>What the attributes closest to a method decided.</summary>
internal enum Selection
{
    /// <summary>No <c>[Profile]</c>/<c>[NoProfile]</c> between the method and the assembly: <c>[assembly: Profile]</c> decides.</summary>
    Inherit,

    /// <summary>The closest attribute is <c>[Profile]</c>, on an enclosing type or function.</summary>
    Profile,

    /// <summary>
    /// <c>[Profile]</c> is on the member itself (or its property or event, or the lambda or local
    /// function itself): pinned, always marked whatever its size and never left out by a tune
    /// list (table flag <c>p</c>).
    /// </summary>
    Pinned,
}
