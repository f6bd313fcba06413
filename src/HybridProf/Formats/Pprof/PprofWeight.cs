using System;
using System.Globalization;
using System.Linq;
using HybridProf.Model;

namespace HybridProf.Formats.Pprof;

/// <summary>
/// Which of a read profile's sample values is the model's weight, and what it measures. The
/// <c>count</c> value wins (as pprof's convention puts event counts at index 0); without one,
/// <c>default_sample_type</c>, else the last value. A time value without a count means a
/// deterministic profile, converted to nanoseconds. HybridProf's own comment
/// (<c>hybridprof mode=… rate_hz=… missed_ticks=…</c>, and <c>hybridprof program=…</c>) restores
/// what pprof has no field for.
/// </summary>
internal sealed class PprofWeight
{
    private readonly int _index;
    private readonly long _scale;
    private readonly ProfileMode _mode;
    private readonly int? _rateHz;
    private readonly long _missedTicks;
    private readonly long _observations;
    private readonly int _foldedMethods;
    private readonly int _guardedMethods;
    private readonly string? _program;

    private PprofWeight(int index, long scale, ProfileMode mode, int? rateHz, long missedTicks, long observations, (int Folded, int Guarded) methods, string? program)
    {
        (_foldedMethods, _guardedMethods) = methods;
        _program = program;
        _observations = observations;
        _index = index;
        _scale = scale;
        _mode = mode;
        _rateHz = rateHz;
        _missedTicks = missedTicks;
    }

    public static PprofWeight Choose(PprofMessage m, PprofStringLookup strings)
    {
        var types = m.SampleTypes
            .Select(t => (Type: strings.Get(t.Type, "ValueType.type"), Unit: strings.Get(t.Unit, "ValueType.unit")))
            .ToArray();
        if (types.Length == 0 && m.Samples.Count > 0)
            throw new FormatException("pprof: the profile has samples but no sample_type");
        string defaultType = strings.Get(m.DefaultSampleType, "default_sample_type");

        int index = Array.FindIndex(types, t => t.Unit == "count" && t.Type == "samples");
        if (index < 0)
            index = Array.FindIndex(types, t => t.Unit == "count");
        if (index < 0 && defaultType.Length > 0)
            index = Array.FindIndex(types, t => t.Type == defaultType);
        if (index < 0)
            index = types.Length - 1;

        var comments = m.Comments
            .Select(c => strings.Get((long)Math.Min(c, long.MaxValue), "comment"))
            .ToList();
        var comment = comments.FirstOrDefault(c => c.StartsWith(PprofWriter.CommentPrefix, StringComparison.Ordinal)
            && !c.StartsWith(PprofWriter.ProgramCommentPrefix, StringComparison.Ordinal));
        string? program = comments.FirstOrDefault(c => c.StartsWith(PprofWriter.ProgramCommentPrefix, StringComparison.Ordinal))
            ?.Substring(PprofWriter.ProgramCommentPrefix.Length);
        string unit = index >= 0 ? types[index].Unit : "count";
        long scale = NanosPer(unit);
        var mode = Mode(Field(comment, "mode"))
            ?? (unit != "count" && scale > 0 ? ProfileMode.Deterministic
                : types.Any(t => t.Type == "wall") ? ProfileMode.Wall : ProfileMode.Cpu);
        if (mode != ProfileMode.Deterministic || scale <= 0)
            scale = 1;

        int? rate = int.TryParse(Field(comment, "rate_hz"), NumberStyles.None, CultureInfo.InvariantCulture, out int r) ? r : null;
        if (rate is null && mode != ProfileMode.Deterministic && m.Period > 0 && m.PeriodType is { } period
            && strings.Get(period.Unit, "period_type.unit") == "nanoseconds")
            rate = (int)Math.Round(1e9 / m.Period);
        long missed = long.TryParse(Field(comment, "missed_ticks"), NumberStyles.None, CultureInfo.InvariantCulture, out long t) ? t : 0;
        long observations = long.TryParse(Field(comment, "observations"), NumberStyles.None, CultureInfo.InvariantCulture, out long o) ? o : 0;
        int folded = int.TryParse(Field(comment, "folded_methods"), NumberStyles.None, CultureInfo.InvariantCulture, out int f) ? f : 0;
        int guarded = int.TryParse(Field(comment, "guarded_methods"), NumberStyles.None, CultureInfo.InvariantCulture, out int g) ? g : 0;
        return new PprofWeight(index, scale, mode, rate, missed, observations, (folded, guarded), string.IsNullOrEmpty(program) ? null : program);
    }

    /// <summary>The sample's weight in the model's unit (may be zero or negative: the caller skips those).</summary>
    public long Of(PprofSample sample)
    {
        long value = unchecked((long)sample.Values[_index]);
        if (_scale == 1 || value <= 0)
            return value;
        return value > long.MaxValue / _scale ? long.MaxValue : value * _scale;
    }

    public ProfileMetadata Metadata(PprofMessage m) => new(
        _mode,
        _rateHz ?? 0,
        TimeSpan.FromTicks(Math.Max(0, m.DurationNanos) / 100),
        _missedTicks,
        _observations,
        _program,
        _foldedMethods,
        _guardedMethods);

    private static long NanosPer(string unit) => unit switch
    {
        "nanoseconds" => 1,
        "microseconds" => 1_000,
        "milliseconds" => 1_000_000,
        "seconds" => 1_000_000_000,
        _ => 0,
    };

    private static ProfileMode? Mode(string? name) => name switch
    {
        "cpu" => ProfileMode.Cpu,
        "wall" => ProfileMode.Wall,
        "deterministic" => ProfileMode.Deterministic,
        _ => null,
    };

    // "hybridprof mode=cpu rate_hz=100 missed_ticks=0" → the value after "key=".
    private static string? Field(string? comment, string key) =>
        comment?.Split(' ').FirstOrDefault(p => p.StartsWith(key + "=", StringComparison.Ordinal))?.Substring(key.Length + 1);
}
