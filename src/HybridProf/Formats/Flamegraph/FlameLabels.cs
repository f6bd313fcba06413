using System;
using System.Globalization;
using HybridProf.Analysis;
using HybridProf.Model;

namespace HybridProf.Formats.Flamegraph;

/// <summary>
/// Text shown on and about frames. The label fitting (<see cref="FlameLabelFit"/>) is mirrored by <c>fitLabel</c> in
/// flamegraph.js, which refits labels after a zoom: the two must agree, or a reset zoom would
/// not restore the original picture.
/// </summary>
internal static class FlameLabels
{
    /// <summary>
    /// Width of one character as a fraction of the font size. Labels use a monospace font, whose
    /// advance is 0.6 em in the common faces (DejaVu Sans Mono, Liberation Mono, Courier), so a
    /// fitted label is measured rather than guessed, and needs no text metrics at write time.
    /// </summary>
    public const double CharWidthEm = 0.6;

    /// <summary>
    /// Pixel width of one label character, rounded as written to the SVG, so that the script
    /// reading it back divides by exactly the same number.
    /// </summary>
    public static double CharWidth(double fontSize) => Math.Round(fontSize * CharWidthEm, 2);

    /// <summary>Space between a frame's edge and its label, in pixels (each side).</summary>
    public const double Padding = 3;

    /// <summary>The label for a frame <paramref name="width"/> pixels wide: the name, shortened by <see cref="FlameLabelFit"/>, or nothing.</summary>
    public static string Fit(string name, double width, double fontSize) =>
        FlameLabelFit.Fit(name, (int)Math.Floor((width - 2 * Padding) / CharWidth(fontSize)));

    /// <summary>Tooltip: the name on the first line (flamegraph.js reads it back from there), then the weight.</summary>
    public static string Tooltip(CallTree node, long total, ProfileMetadata metadata)
    {
        string text = Clean(node.Name) + "\n" + Weight(node.Total, metadata) + " (" + Percent(node.Total, total) + ")";
        if (node.Frame?.File is { } file)
            text += "\n" + Location(file, node.Frame.Line);
        return text;
    }

    /// <summary>A name on one line: the tooltip's first line must hold all of it.</summary>
    public static string Clean(string name) => name.Replace('\r', ' ').Replace('\n', ' ');

    /// <summary><c>1,234 samples</c>, or <c>1,234 ns</c> in deterministic mode, where weights are time.</summary>
    public static string Weight(long weight, ProfileMetadata metadata) =>
        weight.ToString("N0", CultureInfo.InvariantCulture)
        + (metadata.Mode == ProfileMode.Deterministic ? " ns" : weight == 1 ? " sample" : " samples");

    /// <summary><c>12.34%</c> of <paramref name="total"/>; 0% of an empty profile.</summary>
    public static string Percent(long part, long total) =>
        (total == 0 ? 0 : 100.0 * part / total).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary><c>file:line</c>, or just the file when the line is unknown.</summary>
    public static string Location(string file, int line) =>
        line > 0 ? file + ":" + line.ToString(CultureInfo.InvariantCulture) : file;

    /// <summary>
    /// The default title: the program, when the profile names it, and how it was profiled,
    /// e.g. <c>Shop — cpu mode, 100 Hz, 12.3 s</c>. Unknown parts (a rate or duration of 0, as in
    /// a folded file read back) are left out rather than shown as 0.
    /// </summary>
    public static string Title(ProfileMetadata metadata)
    {
        var inv = CultureInfo.InvariantCulture;
        string text = metadata.Mode.ToString().ToLowerInvariant() + " mode";
        if (metadata.Mode != ProfileMode.Deterministic && metadata.RateHz > 0)
            text += ", " + metadata.RateHz.ToString(inv) + " Hz";
        if (metadata.Duration > TimeSpan.Zero)
            text += ", " + metadata.Duration.TotalSeconds.ToString("0.0", inv) + " s";
        return string.IsNullOrWhiteSpace(metadata.Program) ? text : Clean(metadata.Program!) + " \u2014 " + text;
    }

    /// <summary>The default subtitle: mode, rate, total weight, duration, and missed sampler ticks if any.</summary>
    public static string Subtitle(ProfileMetadata metadata, long total)
    {
        var inv = CultureInfo.InvariantCulture;
        string text = "mode " + metadata.Mode.ToString().ToLowerInvariant();
        if (metadata.Mode != ProfileMode.Deterministic && metadata.RateHz > 0)
            text += " \u00B7 " + metadata.RateHz.ToString(inv) + " Hz";
        text += " \u00B7 " + Weight(total, metadata);
        text += " \u00B7 " + metadata.Duration.TotalSeconds.ToString("0.00", inv) + " s";
        // Deterministic mode has no sampler ticks to miss.
        if (metadata.MissedTicks > 0 && metadata.Mode != ProfileMode.Deterministic)
            text += " \u00B7 " + metadata.MissedTicks.ToString("N0", inv) + " missed ticks " + MissedTicksMeaning;
        return text;
    }

    /// <summary>
    /// What a missed tick is, said where the count is shown. The sampler that wakes a period or
    /// more late takes one reading and weights it by the periods it missed (see TickSchedule),
    /// so no time is lost, but it lands on the stacks seen at the late wake-up (a collection's
    /// whole periods go to [GC] instead, see Sampler: too fine a point for the line). Short, so
    /// that the centred subtitle stays clear of the controls at either end of its line.
    /// </summary>
    public const string MissedTicksMeaning = "(sampler woke late; their time went to the stacks seen then)";
}
