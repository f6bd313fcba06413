using System.Globalization;

namespace HybridProf.Formats.Flamegraph;

/// <summary>
/// Frame colours. Each name hashes to a fixed colour, so a function keeps its colour from one
/// run to the next and output stays byte-for-byte reproducible (string.GetHashCode is randomised
/// per process, hence FNV-1a).
/// </summary>
internal static class FlameColors
{
    /// <summary>Fill used for frames the profiler made up rather than measured code.</summary>
    public static string For(string name)
    {
        uint hash = Fnv1a(name);
        double a = (hash & 0xFF) / 255.0;
        double b = ((hash >> 8) & 0xFF) / 255.0;
        double c = ((hash >> 16) & 0xFF) / 255.0;
        return IsSynthetic(name)
            // Cool grey-blue: [GC], [truncated], [await] must not read as hot user code.
            ? Rgb(120 + 30 * a, 145 + 30 * a, 190 + 40 * b)
            // Warm red-orange-yellow, the classic CPU flamegraph palette.
            : Rgb(205 + 50 * c, 230 * a, 55 * b);
    }

    /// <summary>Synthetic frames are written in brackets: <c>[GC]</c>, <c>[truncated]</c>, <c>[await]</c>, <c>[blocked]</c>.</summary>
    public static bool IsSynthetic(string name) =>
        name.Length >= 2 && name[0] == '[' && name[name.Length - 1] == ']';

    private static string Rgb(double r, double g, double b) =>
        string.Format(CultureInfo.InvariantCulture, "rgb({0},{1},{2})", (int)r, (int)g, (int)b);

    private static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (char ch in text)
        {
            hash ^= ch;
            hash *= 16777619;
        }
        // Fold the high bits down: FNV's low byte alone varies poorly for names that differ at the end.
        return hash ^ (hash >> 15);
    }
}
