using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HybridProf.Generators.Tests.Infrastructure;

/// <summary>
/// MSBuild properties as the compiler hands them to generators (<c>build_property.*</c>), and
/// the item metadata of a <see cref="TestAdditionalText"/> (<c>build_metadata.AdditionalFiles.*</c>).
/// </summary>
internal sealed class TestOptions : AnalyzerConfigOptionsProvider
{
    private readonly Options _global;

    public TestOptions(IReadOnlyDictionary<string, string> globalOptions) => _global = new Options(globalOptions);

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        textFile is TestAdditionalText { Metadata: var metadata } ? new Options(metadata) : Options.Empty;

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        private readonly IReadOnlyDictionary<string, string> _values;

        public Options(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) =>
            _values.TryGetValue(key, out value);
    }
}
