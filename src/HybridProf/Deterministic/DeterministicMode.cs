using System;

namespace HybridProf.Deterministic;

/// <summary>
/// Whether every call is timed, decided once per process before the first marker runs.
/// The flags are <c>static readonly</c> and set in a static constructor: once the class is
/// initialized, the tier-1 JIT treats them as constants, so in sampling mode the
/// deterministic branches in the markers are compiled away and cost nothing.
/// </summary>
internal static class DeterministicMode
{
    /// <summary>AppContext switch that turns recording on without the environment (tests, hosts).</summary>
    public const string Switch = "HybridProf.Deterministic";

    /// <summary>AppContext switch that also records the per-call timeline.</summary>
    public const string TimelineSwitch = "HybridProf.DeterministicTimeline";

    /// <summary>True when <c>HYBRIDPROF_MODE=deterministic</c> (or the AppContext switch) was set at start-up.</summary>
    public static readonly bool Enabled;

    /// <summary>True when, besides the aggregates, each call is kept for a timeline (<c>.trace.json</c> output).</summary>
    public static readonly bool Timeline;

    static DeterministicMode()
    {
        try
        {
            string? mode = Environment.GetEnvironmentVariable("HYBRIDPROF_MODE");
            string? output = Environment.GetEnvironmentVariable("HYBRIDPROF_OUTPUT");
            Enabled = string.Equals(mode?.Trim(), "deterministic", StringComparison.OrdinalIgnoreCase)
                || (AppContext.TryGetSwitch(Switch, out bool on) && on);
            Timeline = Enabled && ((output?.Trim().EndsWith(Formats.ProfileFormats.Extension(Formats.ProfileFormat.Timeline), StringComparison.OrdinalIgnoreCase) ?? false)
                || (AppContext.TryGetSwitch(TimelineSwitch, out bool timeline) && timeline));
        }
        catch (Exception)
        {
            // A locked-down environment: stay in sampling mode rather than fail a type initializer.
            Enabled = Timeline = false;
        }
    }
}
