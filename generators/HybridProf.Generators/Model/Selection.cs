namespace HybridProf.Generators.Model;

/// <summary>What the attributes closest to a method decided.</summary>
internal enum Selection
{
    /// <summary>No <c>[Profile]</c>/<c>[NoProfile]</c> between the method and the assembly: <c>[assembly: Profile]</c> decides.</summary>
    Inherit,

    /// <summary>The closest attribute is <c>[Profile]</c>, on an enclosing type or function.</summary>
    Profile,

    /// <summary><c>[Profile]</c> on the member or function itself: always marked, whatever its size (table flag <c>p</c>).</summary>
    Pinned,
}
