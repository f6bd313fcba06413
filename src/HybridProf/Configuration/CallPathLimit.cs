using System;
using System.Globalization;

namespace HybridProf.Configuration;

/// <summary>
/// The bound on distinct call paths a profile keeps, from <c>HYBRIDPROF_MAX_CALL_PATHS</c>.
/// A call path is a function reached through one chain of callers: a stack of depth d has d of
/// them, shared with every stack that starts the same way. It is what the sampler's stack table
/// and the deterministic recorder's call tree hold, so bounding it bounds their memory.
/// </summary>
internal static class CallPathLimit
{
    public const string Variable = "HYBRIDPROF_MAX_CALL_PATHS";

    /// <summary>
    /// The bound for this process: the variable when it holds a valid number, else the default.
    /// Read once; deterministic recording (fixed at start-up) and agent sessions use it. A bad
    /// value is reported by <see cref="EnvironmentSettings"/> when an output is configured.
    /// </summary>
    public static int ForProcess { get; } = ReadProcessLimit();

    /// <summary>A whole number from 1 to <see cref="ProfilerOptions.MaxMaxCallPaths"/>, blanks around it allowed.</summary>
    public static bool TryParse(string? text, out int value) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value)
        && value >= 1 && value <= ProfilerOptions.MaxMaxCallPaths;

    private static int ReadProcessLimit()
    {
        try
        {
            return TryParse(Environment.GetEnvironmentVariable(Variable), out int value) ? value : ProfilerOptions.DefaultMaxCallPaths;
        }
        catch (Exception)
        {
            // A locked-down environment: the default bound still holds.
            return ProfilerOptions.DefaultMaxCallPaths;
        }
    }
}
