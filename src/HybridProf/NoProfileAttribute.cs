using System;

namespace HybridProf;

/// <summary>
/// Excludes a type (with its nested types) or a member from instrumentation, overriding a
/// <see cref="ProfileAttribute"/> on an enclosing scope. Use it on tiny hot methods whose
/// frame would cost more than it tells.
/// </summary>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method |
    AttributeTargets.Constructor | AttributeTargets.Property | AttributeTargets.Event,
    AllowMultiple = false, Inherited = false)]
public sealed class NoProfileAttribute : Attribute
{
}
