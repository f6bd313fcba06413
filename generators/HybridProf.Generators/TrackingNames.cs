namespace HybridProf.Generators;

/// <summary>Names of the pipeline steps, for incrementality tests.</summary>
internal static class TrackingNames
{
    public const string Enabled = nameof(Enabled);
    public const string Compilation = nameof(Compilation);
    public const string Declarations = nameof(Declarations);
    public const string Collected = nameof(Collected);
    public const string Table = nameof(Table);
}
