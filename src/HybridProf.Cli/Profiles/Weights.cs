using System.Globalization;
using HybridProf.Model;

namespace HybridProf.Cli.Profiles;

/// <summary>Turns weights into the units people read: seconds for samples (at the profile's rate), or nanoseconds.</summary>
internal static class Weights
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Percent(long part, long total) =>
        (total == 0 ? 0 : 100.0 * part / total).ToString("0.00", Inv) + "%";

    /// <summary>A weight as time: samples / rate, or deterministic nanoseconds; bare count when the rate is unknown.</summary>
    public static string Time(long weight, ProfileMetadata metadata)
    {
        if (metadata.Mode == ProfileMode.Deterministic)
            return Seconds(weight / 1e9);
        if (metadata.RateHz <= 0)
            return weight.ToString("N0", Inv);
        return Seconds((double)weight / metadata.RateHz);
    }

    public static string Seconds(double seconds) => seconds.ToString("0.00", Inv) + "s";
}
