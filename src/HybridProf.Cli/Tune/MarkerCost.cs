using static System.FormattableString;

namespace HybridProf.Cli.Tune;

/// <summary>The cost of one marked call that the prediction uses, and where it comes from, for the report.</summary>
/// <param name="Nanoseconds">Per call.</param>
/// <param name="Source">How it was found, one sentence.</param>
internal sealed record MarkerCost(double Nanoseconds, string Source)
{
    /// <summary>
    /// With a plain build, what the markers cost this app: the woven run's time less the plain
    /// run's, per call counted. That includes what calibration cannot see (a marked method is
    /// no longer inlined, code that has not reached tier 1 pays more), and is several times the
    /// calibrated cost for the tiny methods tune is about. Timing noise can make the difference
    /// small or negative, so it never goes below the calibrated floor. Without a plain build,
    /// the floor is all there is, and the report says so.
    /// </summary>
    /// <param name="calibratedNanoseconds">What <see cref="MarkerCalibration"/> measured.</param>
    /// <param name="calibrationRounds">Its rounds, for the report.</param>
    /// <param name="wovenMilliseconds">The woven run, not profiling.</param>
    /// <param name="plainMilliseconds">The plain run, if there is a plain build.</param>
    /// <param name="calls">Calls of marked methods in one run.</param>
    public static MarkerCost Choose(double calibratedNanoseconds, int calibrationRounds, double wovenMilliseconds, double? plainMilliseconds, long calls)
    {
        string calibrated = Invariant($"a [ThreadStatic] push and pop around a non-inlined call, calibrated here, best of {calibrationRounds} rounds");
        if (plainMilliseconds is not { } plain || calls == 0)
            return new(calibratedNanoseconds, calibrated + "; the least a marker costs: a method the JIT would otherwise inline costs more, so give --plain to measure this app");
        double measured = (wovenMilliseconds - plain) * 1e6 / calls;
        return measured > calibratedNanoseconds
            ? new(measured, Invariant($"measured on this app: (woven − plain) / calls; {calibratedNanoseconds:0.00} ns is {calibrated}"))
            : new(calibratedNanoseconds, Invariant($"{calibrated}; the app's own figure, (woven − plain) / calls = {measured:0.00} ns, is within timing noise of it"));
    }
}
