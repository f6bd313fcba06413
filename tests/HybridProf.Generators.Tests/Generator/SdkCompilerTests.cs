using HybridProf.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HybridProf.Generators.Tests.Generator;

/// <summary>The generator inside the SDK's compiler, on C# the tests' Roslyn 4.8 cannot parse.</summary>
public class SdkCompilerTests
{
    private const string ExtensionBlocks = """
        using System;
        using System.Collections.Generic;

        [assembly: HybridProf.Profile]

        namespace Shop;

        public static class StringExtensions
        {
            extension(string s)
            {
                public int Twice() { Func<int> f = () => s.Length * 2; return f(); }

                public bool IsShort => s.Length < 3;

                public static string Make() => "x";
            }

            extension<T>(List<T> list)
            {
                public T FirstOr(T fallback) => list.Count > 0 ? list[0] : fallback;
            }

            public static int Classic(this string s) => s.Length;
        }
        """;

    [Fact]
    public void Extension_members_are_listed_as_their_static_implementations()
    {
        string workDir = Path.Combine(Path.GetTempPath(), "hybridprof-sdk-" + Guid.NewGuid().ToString("N"));
        try
        {
            var references = TestCompilation.FrameworkPaths.Append(typeof(global::HybridProf.ProfileAttribute).Assembly.Location);
            var generated = SdkCompiler.Locate().Compile(workDir, new[] { ("Extensions.cs", ExtensionBlocks) }, references, "Extensions.dll");

            string source = Assert.Single(generated, g => g.Key == "HybridProf.MethodTable.g.cs").Value;
            Assert.Contains("[global::System.Runtime.CompilerServices.ModuleInitializer]", source);
            var rows = TableRow.ParseAll(DataOf(source));
            Assert.Equal(
                new[] { "Shop.StringExtensions.Twice", "Shop.StringExtensions.Twice.lambda1", "Shop.StringExtensions.IsShort.get", "Shop.StringExtensions.Make", "Shop.StringExtensions.FirstOr", "Shop.StringExtensions.Classic" },
                rows.Displays());
            Assert.All(rows, r => Assert.Equal("Shop.StringExtensions", r.Type));
            Assert.Equal(new[] { "String", "String", "String", "", "``1:List`1<T>,T", "String" }, rows.Select(r => r.Signature));

            var methods = MetadataView.Read(File.ReadAllBytes(Path.Combine(workDir, "Extensions.dll")));
            foreach (var row in rows.Where(r => r.Kind != "lambda"))
                Assert.Single(methods, m => m.Type == row.Type && m.Name == row.Member && m.Signature == row.Signature);
            Assert.Single(methods, m => m.Type.StartsWith("Shop.StringExtensions/", StringComparison.Ordinal) && m.Name.StartsWith("<Twice>b__", StringComparison.Ordinal));
        }
        finally
        {
            if (Directory.Exists(workDir))
                Directory.Delete(workDir, recursive: true);
        }
    }

    /// <summary>Reads the <c>Data</c> constant back from generated source (literals joined by <c>+</c>).</summary>
    private static string DataOf(string source)
    {
        var data = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes()
            .OfType<VariableDeclaratorSyntax>().Single(v => v.Identifier.ValueText == "Data");
        return string.Concat(data.Initializer!.DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.StringLiteralToken))
            .Select(t => t.ValueText));
    }
}
