using System;
using System.Collections.Generic;
using System.Globalization;
using HybridProf.Formats;
using HybridProf.Model;

namespace HybridProf.Configuration;

/// <summary>
/// Reads the <c>HYBRIDPROF_*</c> variables. A bad value gives one line naming the variable,
/// the value and the default used instead; it never stops the app.
/// </summary>
internal static class EnvironmentSettings
{
    public const string Output = "HYBRIDPROF_OUTPUT";
    public const string Mode = "HYBRIDPROF_MODE";
    public const string Rate = "HYBRIDPROF_RATE";
    public const string Duration = "HYBRIDPROF_DURATION";
    public const string MaxCallPaths = CallPathLimit.Variable;
    public const string ReportTop = "HYBRIDPROF_REPORT_TOP";

    /// <summary>
    /// How many functions a <c>.txt</c> report lists: <c>HYBRIDPROF_REPORT_TOP</c>, a whole number
    /// or <c>all</c>; unset, the report's default; anything else, one line and the default.
    /// </summary>
    public static int ReadReportTop(Func<string, string?> getVariable, Action<string> warn, int defaultTop)
    {
        string? value = getVariable(ReportTop);
        if (string.IsNullOrWhiteSpace(value))
            return defaultTop;
        if (string.Equals(value!.Trim(), "all", StringComparison.OrdinalIgnoreCase))
            return int.MaxValue;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int top) && top >= 1)
            return top;
        warn(FormattableString.Invariant($"{ReportTop}='{value}' is not a whole number of functions from 1, nor all; listing {defaultTop}."));
        return defaultTop;
    }

    /// <summary>The options the variables ask for, or null when <c>HYBRIDPROF_OUTPUT</c> is unset.</summary>
    public static ProfilerOptions? Read(Func<string, string?> getVariable, Action<string> warn, int processId)
    {
        string? output = getVariable(Output);
        if (string.IsNullOrWhiteSpace(output))
            return null;

        var options = new ProfilerOptions { OutputPath = output!.Replace("{pid}", processId.ToString(CultureInfo.InvariantCulture)) };
        string? mode = getVariable(Mode);
        if (!string.IsNullOrEmpty(mode))
        {
            if (TryParseMode(mode!, out var parsed))
                options = options with { Mode = parsed };
            else
                warn($"{Mode}='{mode}' is not one of cpu, wall, deterministic; using cpu.");
        }

        string? rate = getVariable(Rate);
        if (!string.IsNullOrEmpty(rate))
        {
            if (int.TryParse(rate, NumberStyles.None, CultureInfo.InvariantCulture, out int hz) && ProfilerOptions.IsValidRate(hz))
                options = options with { RateHz = hz };
            else
                warn($"{Rate}='{rate}' is not a whole number of samples per second from 1 to {ProfilerOptions.MaxRateHz}; using {ProfilerOptions.DefaultRateHz}.");
        }

        string? duration = getVariable(Duration);
        if (!string.IsNullOrEmpty(duration))
        {
            if (double.TryParse(duration, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
                options = options with { Duration = TimeSpan.FromSeconds(seconds) };
            else
                warn($"{Duration}='{duration}' is not a positive number of seconds; profiling until the process exits.");
        }

        string? maxCallPaths = getVariable(MaxCallPaths);
        if (!string.IsNullOrEmpty(maxCallPaths))
        {
            if (CallPathLimit.TryParse(maxCallPaths, out int bound))
                options = options with { MaxCallPaths = bound };
            else
                warn(FormattableString.Invariant($"{MaxCallPaths}='{maxCallPaths}' is not a whole number of call paths from 1 to {ProfilerOptions.MaxMaxCallPaths}; using {ProfilerOptions.DefaultMaxCallPaths}."));
        }
        return options;
    }

    /// <summary>Whether `hybridprof record` launched this process (it sets the launch id), and so writes and announces the profile itself.</summary>
    public static bool LaunchedByTool()
    {
        try
        {
            return !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Agent.AgentProtocol.LaunchIdVariable));
        }
        catch (Exception)
        {
            return false; // a locked-down environment: the app says where its file went
        }
    }

    /// <summary>AppContext switch that turns deterministic recording on without the environment (tests, hosts).</summary>
    public const string DeterministicSwitch = "HybridProf.Deterministic";

    /// <summary>AppContext switch that also keeps the per-call timeline in deterministic mode.</summary>
    public const string TimelineSwitch = "HybridProf.DeterministicTimeline";

    /// <summary>
    /// What the markers must do from the first call on, which cannot change later: time every
    /// call (<c>HYBRIDPROF_MODE=deterministic</c> or the <see cref="DeterministicSwitch"/>), and
    /// keep each call for a timeline (a <c>.trace.json</c> output or the <see cref="TimelineSwitch"/>).
    /// Bad values are reported by <see cref="Read"/>; here they just mean sampling.
    /// </summary>
    public static (bool Deterministic, bool Timeline) ReadRecording(Func<string, string?> getVariable, Func<string, bool> isSwitchOn)
    {
        string? mode = getVariable(Mode);
        bool deterministic = (mode is not null && TryParseMode(mode, out var parsed) && parsed == ProfileMode.Deterministic)
            || isSwitchOn(DeterministicSwitch);
        string? output = getVariable(Output);
        bool timeline = deterministic
            && ((output is not null && ProfileFormats.FromPath(output.Trim()) == ProfileFormat.Timeline) || isSwitchOn(TimelineSwitch));
        return (deterministic, timeline);
    }

    private static bool TryParseMode(string text, out ProfileMode mode)
    {
        var modes = new Dictionary<string, ProfileMode>(StringComparer.OrdinalIgnoreCase)
        {
            ["cpu"] = ProfileMode.Cpu,
            ["wall"] = ProfileMode.Wall,
            ["deterministic"] = ProfileMode.Deterministic,
        };
        return modes.TryGetValue(text.Trim(), out mode);
    }
}
