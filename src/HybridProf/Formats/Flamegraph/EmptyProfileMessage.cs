using HybridProf.Model;

namespace HybridProf.Formats.Flamegraph;

/// <summary>
/// What a flamegraph of no samples says instead of drawing nothing: an empty picture looks like
/// a broken file, while the cause is nearly always how or when the profile was taken.
/// </summary>
internal static class EmptyProfileMessage
{
    /// <summary>The lines of the message, first the fact, then the likely cause and what to try.</summary>
    public static string[] Lines(ProfileMode mode) => mode switch
    {
        ProfileMode.Cpu => new[]
        {
            "No samples: no thread was running instrumented code whenever the sampler looked.",
            "cpu mode counts only threads on a CPU; time spent waiting (I/O, locks, sleeps, awaits) is not counted.",
            "Try wall mode (HYBRIDPROF_MODE=wall), and check that the code of interest is instrumented.",
        },
        ProfileMode.Wall => new[]
        {
            "No samples: the app ran no instrumented code while the sampler ran.",
            "Check that the code of interest is instrumented and runs before the profile is written.",
        },
        _ => new[]
        {
            "No calls recorded: the app ran no instrumented code while recording.",
            "Check that the code of interest is instrumented and runs before the profile is written.",
        },
    };
}
