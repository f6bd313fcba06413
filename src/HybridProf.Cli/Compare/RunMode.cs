namespace HybridProf.Cli.Compare;

/// <summary>
/// One way of running the command in each round: which command line, and whether (and how)
/// it profiles itself through <c>HYBRIDPROF_MODE</c>/<c>HYBRIDPROF_RATE</c>.
/// </summary>
/// <param name="Name">As printed: "plain", "sampling 1000 Hz", …</param>
/// <param name="Command">The command line to run.</param>
/// <param name="ProfilerMode"><c>wall</c>, <c>cpu</c> or <c>deterministic</c>; null when this run does not profile.</param>
/// <param name="Rate">Samples per second of a sampling run.</param>
internal sealed record RunMode(string Name, IReadOnlyList<string> Command, string? ProfilerMode, int? Rate)
{
    public bool Profiles => ProfilerMode is not null;

    /// <summary>A file-name-safe form of the name, for the profiles this mode writes.</summary>
    public string Slug => string.Concat(Name.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
}

/// <summary>The modes of a comparison, in the order of the first round.</summary>
internal sealed class RunModes
{
    public RunModes(CompareSettings settings)
    {
        Baseline = settings.Plain is { } plain
            ? new RunMode("plain", plain, null, null)
            : new RunMode("woven, not profiling", settings.Command, null, null);
        // 100 Hz is the runtime's default rate: what a user gets without asking for more.
        var atDefaultRate = new RunMode("sampling 100 Hz", settings.Command, settings.SampleMode, 100);
        bool defaultRate = settings.Rate == 100;
        Sampled = defaultRate ? atDefaultRate : new RunMode($"sampling {settings.Rate} Hz", settings.Command, settings.SampleMode, settings.Rate);
        Deterministic = new RunMode("deterministic", settings.Command, "deterministic", null);
        var sampling = defaultRate ? new[] { Sampled } : new[] { atDefaultRate, Sampled };
        // Beside a plain build, the woven one not profiling shows what the markers alone cost:
        // what every woven build pays, e.g. in production, until someone attaches.
        RunMode[] idle = settings.Plain is null ? [] : [new RunMode("woven, not profiling", settings.Command, null, null)];
        All = [Baseline, .. idle, .. sampling, Deterministic];
    }

    /// <summary>What the others are measured against: the plain build, or the woven one not profiling.</summary>
    public RunMode Baseline { get; }

    /// <summary>The sampling run at the asked rate, whose samples are compared with <see cref="Deterministic"/>.</summary>
    public RunMode Sampled { get; }

    public RunMode Deterministic { get; }

    public IReadOnlyList<RunMode> All { get; }
}
