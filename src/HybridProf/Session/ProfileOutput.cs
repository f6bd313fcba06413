using System;
using System.IO;
using System.Linq;
using HybridProf.Configuration;
using HybridProf.Formats;
using HybridProf.Model;

namespace HybridProf.Session;

/// <summary>
/// Writes the automatic session's file. Nothing gathered is lost: an unknown extension
/// falls back to folded stacks, and a path that cannot be written (unwritable, or a full disk
/// while writing) to the temp directory, each with one line saying where the profile went.
/// If the temp directory fails too, one line says so; the app is never disturbed. The file
/// replaces the session's latest checkpoint (<see cref="ProfileCheckpoint"/>) in one step,
/// and a kill while it is written leaves that checkpoint and no temporary file (<see cref="KillSafeFile"/>).
/// </summary>
internal static class ProfileOutput
{
    /// <param name="profile">What to write.</param>
    /// <param name="path">The path asked for; its extension picks the format.</param>
    /// <param name="variable">Where the path came from, for messages (<c>HYBRIDPROF_OUTPUT</c>).</param>
    /// <param name="reason">Why the session ended, for the status line.</param>
    /// <param name="fallbackDirectory">Where the profile goes when <paramref name="path"/> fails; the temp directory unless a test says otherwise.</param>
    public static void Write(Profile profile, string path, string variable, string reason, string? fallbackDirectory = null)
    {
        var format = ProfileFormats.FromPath(path);
        if (format is null)
        {
            Diagnostics.Warn($"{variable}='{path}' has no known extension ({ProfileFormats.KnownExtensions}); writing folded stacks.");
            format = ProfileFormat.Collapsed;
        }

        var writer = WriterFor(format);
        Exception first;
        try
        {
            Save(profile, path, writer);
            Report(profile, path, reason);
            return;
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            first = e;
        }

        // The whole extension (.pb.gz, not .gz), so the file reads back as what it is.
        string fallback = Path.Combine(fallbackDirectory ?? Path.GetTempPath(), $"hybridprof-{Guid.NewGuid():N}{ProfileFormats.Extension(format)}");
        try
        {
            Save(profile, fallback, writer);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            Diagnostics.Warn($"{variable}='{path}' could not be written ({first.Message}), and neither could {fallback} ({e.Message}); the profile is lost.");
            return;
        }
        Diagnostics.Warn($"{variable}='{path}' could not be written ({first.Message}); writing {fallback} instead.");
        Report(profile, fallback, reason);
    }

    /// <summary>The format's writer; a text report lists as many functions as <c>HYBRIDPROF_REPORT_TOP</c> asks.</summary>
    internal static IProfileWriter WriterFor(ProfileFormat format) => format == ProfileFormat.Text
        ? new Formats.TextReport.TextReportWriter(s_reportTop.Value)
        : ProfileFormats.Writer(format);

    // Read once: the checkpoints and the final write list the same rows, and a bad value gets one line.
    private static readonly Lazy<int> s_reportTop = new(() =>
        EnvironmentSettings.ReadReportTop(Environment.GetEnvironmentVariable, Diagnostics.Warn, Formats.TextReport.TextReportWriter.DefaultTop));

    private static void Save(Profile profile, string path, IProfileWriter writer) =>
        KillSafeFile.Write(path, stream => writer.Write(profile, stream));

    /// <summary>The format a <c>HYBRIDPROF_OUTPUT</c> path is written in, without a word about an unknown extension.</summary>
    public static ProfileFormat FormatOf(string path) => ProfileFormats.FromPath(path) ?? ProfileFormat.Collapsed;

    // ENOSPC and other I/O errors arrive as IOException, while opening or while writing.
    private static bool IsWriteFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException;

    private static void Report(Profile profile, string path, string reason)
    {
        // An app launched by `hybridprof record` writes into the tool's scratch folder, and the
        // tool says where the profile the user asked for went: a line about a temporary file
        // would only mislead.
        if (EnvironmentSettings.LaunchedByTool())
            return;
        // Deterministic weights are nanoseconds: the number a reader wants is the calls counted.
        string what = profile.Timings is { } timings
            ? FormattableString.Invariant($"{timings.Functions.Sum(f => f.Calls)} calls")
            : FormattableString.Invariant($"{profile.TotalSamples} {profile.Metadata.Unit}");
        Diagnostics.Info(FormattableString.Invariant($"wrote {path} ({what}, {profile.Metadata.Mode.ToString().ToLowerInvariant()} mode, {profile.Metadata.Duration.TotalSeconds:0.0} s; {reason})."));
    }
}
