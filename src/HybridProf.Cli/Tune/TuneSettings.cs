namespace HybridProf.Cli.Tune;

/// <summary>What <c>tune</c> was asked for.</summary>
/// <param name="Command">The woven app's command line.</param>
/// <param name="ListPath">The tune list to write (<c>-o</c>).</param>
/// <param name="BudgetPercent">What the markers that stay may cost, in percent of the run without markers.</param>
/// <param name="MaxOwnPerCallNanoseconds">Only methods with less own time per call (deterministic) are left out.</param>
/// <param name="Build">The command that rebuilds the app with the list; null: not rebuilt.</param>
/// <param name="Plain">The plain build's command line, to measure the overhead against; null: none.</param>
/// <param name="Rounds">Timed runs of each build.</param>
/// <param name="Top">How many of the left-out methods to print.</param>
internal sealed record TuneSettings(
    IReadOnlyList<string> Command,
    string ListPath,
    double BudgetPercent,
    double MaxOwnPerCallNanoseconds,
    IReadOnlyList<string>? Build,
    IReadOnlyList<string>? Plain,
    int Rounds,
    int Top);
