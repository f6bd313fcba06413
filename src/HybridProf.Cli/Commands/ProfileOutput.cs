using HybridProf.Formats;
using HybridProf.Model;

namespace HybridProf.Cli.Commands;

/// <summary>Writing the file a command was asked for (convert, record), refusing a file that would say nothing.</summary>
internal static class ProfileOutput
{
    /// <summary>Writes <paramref name="profile"/> to <paramref name="path"/> in <paramref name="format"/>.</summary>
    /// <exception cref="UsageException">The format is the timeline and the profile has no per-call timings to fill it.</exception>
    public static void Save(Profile profile, string path, ProfileFormat format)
    {
        // The timeline writer turns a profile without calls into a valid but empty trace, which
        // would pass for a recording of nothing; only the profile tells whether calls were kept.
        if (format == ProfileFormat.Timeline && !HasTimeline(profile))
            throw NoTimeline(path, "this profile has no per-call timings, which only a deterministic run keeps");
        profile.Save(path, format);
    }

    /// <summary>The one-line refusal of a timeline that cannot be written, saying how to get one.</summary>
    public static UsageException NoTimeline(string path, string why) => new(
        $"{path}: no timeline to write: {why}; " +
        $"have the app write it itself: HYBRIDPROF_MODE=deterministic HYBRIDPROF_OUTPUT={TimelineName(path)}");

    // The app picks its format by extension alone, so the name it is told must end in .trace.json.
    private static string TimelineName(string path)
    {
        string name = Path.GetFileName(path);
        string extension = ProfileFormat.Timeline.Extensions[0];
        return name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? name : Path.GetFileNameWithoutExtension(name) + extension;
    }

    private static bool HasTimeline(Profile profile) =>
        profile.Timings is { } timings && (timings.Timeline.Count > 0 || timings.DroppedTimelineCalls > 0);
}
