namespace HybridProf.Generators;

/// <summary>
/// Names of the pipeline steps, for incrementality tests. They must differ from Roslyn's own
/// input step names (<c>Compilation</c>, <c>AnalyzerConfigOptions</c>, ...), which the
/// driver tracks under the same dictionary.
/// </summary>
internal static class TrackingNames
{
    public const string Enabled = "HybridProfEnabled";
    public const string SmallMethodLimit = "HybridProfSmallMethodLimit";
    public const string Compilation = "CompilationFacts";
    public const string Declarations = nameof(Declarations);
    public const string Collected = nameof(Collected);
    public const string TuneList = nameof(TuneList);
    public const string Table = nameof(Table);
}
