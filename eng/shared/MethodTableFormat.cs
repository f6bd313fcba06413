using System.Globalization;

namespace HybridProf.Contracts;

/// <summary>
/// The header of a method table (docs/method-table.md): the generator writes it, the weaver and
/// the runtime read it. Version 1 is a binary contract: woven libraries ship with their table
/// inside them, so a newer runtime keeps reading version 1 tables, and a change to the format
/// is a new version, never an edit of this one.
/// </summary>
internal static class MethodTableFormat
{
    /// <summary>The first line's text before the version number.</summary>
    public const string Header = "hybridprof-table ";

    /// <summary>The format version the generator writes and the weaver and runtime read.</summary>
    public const int Version = 1;

    /// <summary>The first line of a table the generator writes: <see cref="Header"/> then <see cref="Version"/>.</summary>
    public static string HeaderLine => Header + Version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Tab-separated fields in each method line of version 1.</summary>
    public const int FieldCount = 10;
}
