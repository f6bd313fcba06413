using System.Globalization;
using HybridProf.Contracts;
using HybridProf.Generators.Discovery;
using HybridProf.Generators.Model;

namespace HybridProf.Generators.Emit;

/// <summary>One method line of the table: <see cref="MethodTableFormat.FieldCount"/> tab-separated fields (docs/method-table.md).</summary>
internal static class TableLine
{
    /// <param name="entry">The method.</param>
    /// <param name="displayName">Field 3, with parameter types when overloads would read alike.</param>
    /// <param name="flags">Field 2: the entry's own letters and those the build added (<c>t</c>).</param>
    public static string Format(TableEntry entry, string displayName, string flags) => string.Join("\t",
        entry.Kind,
        flags,
        displayName,
        entry.File,
        entry.Line.ToString(CultureInfo.InvariantCulture),
        entry.TypeName,
        entry.MemberName,
        entry.Signature,
        entry.LocalKey,
        entry.Span.ToString());
}
