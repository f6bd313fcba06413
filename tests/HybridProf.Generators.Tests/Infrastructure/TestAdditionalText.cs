using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HybridProf.Generators.Tests.Infrastructure;

/// <summary>An additional file in memory, with the item metadata the build would make compiler-visible.</summary>
internal sealed class TestAdditionalText(string path, string text, IReadOnlyDictionary<string, string>? metadata = null) : AdditionalText
{
    public override string Path { get; } = path;

    /// <summary><c>build_metadata.AdditionalFiles.*</c> values, as <see cref="AnalyzerConfigOptionsProvider.GetOptions(AdditionalText)"/> hands them over.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata ?? new Dictionary<string, string>();

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);

    /// <summary>A tune list as HybridProf.targets hands it over: marked with <c>HybridProfTuneList=true</c>.</summary>
    public static TestAdditionalText TuneList(string text, string path = "/src/hybridprof-tune.txt") =>
        new(path, text, new Dictionary<string, string> { ["build_metadata.AdditionalFiles.HybridProfTuneList"] = "true" });
}
