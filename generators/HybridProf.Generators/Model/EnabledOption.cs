using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HybridProf.Generators.Model;

/// <summary>
/// The MSBuild property <c>HybridProfEnabled</c> (a <c>CompilerVisibleProperty</c>): only
/// <c>false</c> turns the generator off; unset or anything else leaves it on.
/// </summary>
internal static class EnabledOption
{
    public const string Key = "build_property.HybridProfEnabled";

    public static bool Read(AnalyzerConfigOptions options) =>
        !(options.TryGetValue(Key, out string? value) &&
          string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase));
}
