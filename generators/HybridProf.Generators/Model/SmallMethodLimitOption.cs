using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HybridProf.Generators.Model;

/// <summary>
/// The MSBuild property <c>HybridProfSmallMethodLimit</c> (a <c>CompilerVisibleProperty</c>): the
/// largest IL body, in bytes, that the weaver's size rule leaves unmarked (0 marks every method).
/// Unset: the weaver's default. The generator only carries it to the weaver, in the table class.
/// </summary>
/// <param name="Value">The limit when the property holds a whole number.</param>
/// <param name="Invalid">The property's text when it is set but not a whole number ≥ 0.</param>
internal readonly record struct SmallMethodLimitOption(int? Value, string? Invalid)
{
    public const string Key = "build_property.HybridProfSmallMethodLimit";

    public static SmallMethodLimitOption Read(AnalyzerConfigOptions options)
    {
        if (!options.TryGetValue(Key, out string? text) || string.IsNullOrWhiteSpace(text))
            return default;
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int limit)
            ? new SmallMethodLimitOption(limit, null)
            : new SmallMethodLimitOption(null, text);
    }
}
