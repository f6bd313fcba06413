namespace HybridProf.Cli.ZeroEdit;

/// <summary>
/// What a zero-edit build instruments and where it puts its outputs.
/// </summary>
/// <param name="Projects">Project names to instrument; empty: every project the build builds.</param>
/// <param name="Skip">Project names not to instrument.</param>
/// <param name="LeaveOut">A tune list (frame names, docs/instrumentation.md) every instrumented project leaves unmarked; null: none.</param>
/// <param name="BuildRoot">The folder that takes every project's bin/ and obj/; null: the user's cache folder.</param>
internal sealed record ZeroEditSettings(IReadOnlyList<string> Projects, IReadOnlyList<string> Skip, string? LeaveOut, string? BuildRoot);
