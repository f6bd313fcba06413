using System;

namespace HybridProf.Model;

/// <summary>How and when a profile was taken.</summary>
/// <param name="Mode">What the weights measure.</param>
/// <param name="RateHz">Samples per second the sampler aimed for (0 in deterministic mode).</param>
/// <param name="Duration">Wall-clock time from start to stop.</param>
/// <param name="MissedTicks">Sampler ticks that came too late to be taken (GC pauses, an overloaded machine).</param>
/// <param name="Observations">
/// How many readings of a thread's stack the thread samples' weights come from (a late tick's
/// one reading stands for several intervals); 0 when unknown. Confidence intervals count
/// these, not the weights.
/// </param>
/// <param name="Program">
/// The profiled program's name (entry assembly or process), shown in titles; null when unknown,
/// e.g. for a profile read back from a format that does not keep it.
/// </param>
/// <param name="FoldedMethods">
/// Methods of the instrumented assemblies that have no frame of their own (left out as small, or
/// by the tune list): their time is their callers'. 0 when none or unknown.
/// </param>
/// <param name="GuardedMethods">
/// Marked methods whose calls that return at their entry guard, or before their loop goes round
/// again, have no frame and are not counted: that time is their callers'. 0 when none or unknown.
/// </param>
public sealed record ProfileMetadata(ProfileMode Mode, int RateHz, TimeSpan Duration, long MissedTicks = 0, long Observations = 0, string? Program = null, int FoldedMethods = 0, int GuardedMethods = 0)
{
    /// <summary>The lines reports print about <see cref="FoldedMethods"/> and <see cref="GuardedMethods"/>, or null when there are none.</summary>
    public string? FoldedNote => (FoldedMethods, GuardedMethods) switch
    {
        (0, 0) => null,
        (_, 0) => FoldedSentence,
        (0, _) => GuardedSentence,
        _ => FoldedSentence + "\n" + GuardedSentence,
    };

    private string? FoldedSentence => FoldedMethods switch
    {
        0 => null,
        1 => "Folded: 1 small instrumented method has no frame of its own; its time is its callers' (HybridProfSmallMethodLimit=0 marks it).",
        _ => FormattableString.Invariant($"Folded: {FoldedMethods} small instrumented methods have no frame of their own; their time is their callers' (HybridProfSmallMethodLimit=0 marks them)."),
    };

    private string GuardedSentence => GuardedMethods == 1
        ? "Entry guards: 1 method has a frame, and a call, only past the checks at its start or once its loop goes round again; a call that returns before is its caller's time (HybridProfSmallMethodLimit=0 marks it whole)."
        : FormattableString.Invariant($"Entry guards: {GuardedMethods} methods have a frame, and a call, only past the checks at their start or once their loop goes round again; a call that returns before is its caller's time (HybridProfSmallMethodLimit=0 marks them whole).");

    /// <summary>Unit of one weight: "samples" or "nanoseconds".</summary>
    public string Unit => Mode == ProfileMode.Deterministic ? "nanoseconds" : "samples";
}
