using System;
using System.IO;
using System.Linq;
using HybridProf.Formats;
using HybridProf.Model;

namespace HybridProf.Session;

/// <summary>
/// Writes the automatic session's file. Nothing gathered is lost: an unknown extension
/// falls back to folded stacks, and an unwritable path to the temp directory, each with
/// one line saying where the profile went.
/// </summary>
internal static class ProfileOutput
{
    public static void Write(Profile profile, string path, string variable, string reason)
    {
        var format = ProfileFormats.FromPath(path);
        if (format is null)
        {
            Diagnostics.Warn($"{variable}='{path}' has no known extension ({ProfileFormats.KnownExtensions}); writing folded stacks.");
            format = ProfileFormat.Collapsed;
        }

        try
        {
            profile.Save(path, format.Value);
            Report(profile, path, reason);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            string fallback = Path.Combine(Path.GetTempPath(), $"hybridprof-{Guid.NewGuid():N}{Path.GetExtension(path)}");
            Diagnostics.Warn($"{variable}='{path}' could not be written ({e.Message}); writing {fallback} instead.");
            profile.Save(fallback, format.Value);
            Report(profile, fallback, reason);
        }
    }

    private static void Report(Profile profile, string path, string reason)
    {
        // Deterministic weights are nanoseconds: the number a reader wants is the calls counted.
        string what = profile.Timings is { } timings
            ? FormattableString.Invariant($"{timings.Functions.Sum(f => f.Calls)} calls")
            : FormattableString.Invariant($"{profile.TotalSamples} {profile.Metadata.Unit}");
        Diagnostics.Info(FormattableString.Invariant($"wrote {path} ({what}, {profile.Metadata.Mode.ToString().ToLowerInvariant()} mode, {profile.Metadata.Duration.TotalSeconds:0.0} s; {reason})."));
    }
}
