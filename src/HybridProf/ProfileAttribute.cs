using System;

namespace HybridProf;

/// <summary>
/// Marks what HybridProf instruments. On the assembly (<c>[assembly: HybridProf.Profile]</c>)
/// every method with a body is instrumented; on a type, its members and nested types; on a
/// member, that member. Compiler-synthesized members, auto-property accessors and
/// <c>AggressiveInlining</c> methods are left out unless marked on the member itself.
/// </summary>
[AttributeUsage(
    AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method |
    AttributeTargets.Constructor | AttributeTargets.Property | AttributeTargets.Event,
    AllowMultiple = false, Inherited = false)]
public sealed class ProfileAttribute : Attribute
{
}
