using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HybridProf.Generators.Tests.Infrastructure;

/// <summary>Shortcuts: run the generator on one source and read the rows back.</summary>
internal static class Table
{
    public static IReadOnlyList<TableRow> Of(string source, LanguageVersion languageVersion = LanguageVersion.Latest, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary) =>
        GeneratorRun.Run(TestCompilation.Create(new[] { ("/src/Test.cs", source) }, languageVersion, outputKind: outputKind)).Rows;

    /// <summary>The single row whose display name is <paramref name="display"/>.</summary>
    public static TableRow Row(this IReadOnlyList<TableRow> rows, string display)
    {
        var matches = rows.Where(r => r.Display == display).ToList();
        Assert.True(matches.Count == 1, $"expected one row named '{display}', found {matches.Count} in:\n{string.Join("\n", rows.Select(r => r.Display))}");
        return matches[0];
    }

    public static IEnumerable<string> Displays(this IReadOnlyList<TableRow> rows) => rows.Select(r => r.Display);
}
