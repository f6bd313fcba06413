using System.Globalization;
using HybridProf.Contracts;
using HybridProf.Generators.Discovery;
using HybridProf.Generators.Model;

namespace HybridProf.Generators.Emit;

/// <summary>One method line of the table: <see cref="MethodTableFormat.FieldCount"/> tab-separated fields (docs/method-table.md).</summary>
internal static class TableLine
{
    public static string Format(TableEntry entry, bool withParameters) => string.Join("\t",
        entry.Kind,
        entry.Selection == Selection.Pinned ? FunctionFlags.With(entry.Flags, 'p') : entry.Flags,
        entry.Name.Format(withParameters),
        entry.File,
        entry.Line.ToString(CultureInfo.InvariantCulture),
        entry.TypeName,
        entry.MemberName,
        entry.Signature,
        entry.LocalKey,
        entry.Span.ToString());
}
