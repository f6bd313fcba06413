using System.Globalization;

namespace HybridProf.Generators.Model;

/// <summary>
/// Where a declaration or lambda sits. <see cref="Position"/> and <see cref="Length"/> order the
/// entries; the lines and columns are 1-based, the end column one past the last character (as
/// in PDB sequence points).
/// </summary>
internal readonly record struct SourceSpan(int Position, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>The table form, <c>startLine:startColumn-endLine:endColumn</c>.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0}:{1}-{2}:{3}", StartLine, StartColumn, EndLine, EndColumn);
}
