namespace HybridProf.Cli.Compare;

/// <summary>What <c>compare</c> was asked for.</summary>
/// <param name="Command">The woven app's command line.</param>
/// <param name="Plain">The plain build's command line; null: the woven one, not profiling.</param>
/// <param name="Rounds">Rounds of all modes.</param>
/// <param name="Rate">Samples per second of the sampling run that is compared.</param>
/// <param name="SampleMode"><c>wall</c> or <c>cpu</c>: how the sampling runs sample.</param>
/// <param name="Top">Functions listed and compared by rank.</param>
/// <param name="Check">Whether disagreement is an exit code.</param>
internal sealed record CompareSettings(IReadOnlyList<string> Command, IReadOnlyList<string>? Plain, int Rounds, int Rate, string SampleMode, int Top, bool Check);
