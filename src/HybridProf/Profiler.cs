using System;
using System.Collections.Generic;
using HybridProf.Configuration;
using HybridProf.Inspection;
using HybridProf.Markers;
using HybridProf.Model;
using HybridProf.Platform;
using HybridProf.Sampling;
using HybridProf.Session;

namespace HybridProf;

/// <summary>
/// Profiling from code, in the manner of statprof: start a session, run the code of
/// interest, stop it and save or print the profile. Environment variables are not needed
/// for this; they drive the automatic whole-process session instead.
/// </summary>
public static class Profiler
{
    /// <summary>Starts sampling every thread that runs instrumented code (or, in deterministic mode, reading its exact call timings).</summary>
    /// <param name="options">Mode and rate; null for cpu mode at 100 Hz.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not from 1 to <see cref="ProfilerOptions.MaxRateHz"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// Deterministic mode was asked for, but the process did not start with it
    /// (<c>HYBRIDPROF_MODE=deterministic</c>): every call must be timed from the first one.
    /// </exception>
    public static ProfilerSession Start(ProfilerOptions? options = null)
    {
        options ??= new ProfilerOptions();
        if (!ProfilerOptions.IsValidRate(options.RateHz))
            throw new ArgumentOutOfRangeException(nameof(options), options.RateHz, $"RateHz must be from 1 to {ProfilerOptions.MaxRateHz} samples per second.");
        if (options.Mode == ProfileMode.Cpu && !ThreadCpuClock.IsSupported)
        {
            Diagnostics.Warn("cpu mode needs per-thread CPU clocks, which HybridProf implements only on Linux; sampling in wall mode.");
            options = options with { Mode = ProfileMode.Wall };
        }
        return new ProfilerSession(options);
    }

    /// <summary>
    /// The calling thread's instrumented frames, root first, by display name. For tests and
    /// diagnostics; it allocates, so keep it off hot paths.
    /// </summary>
    public static IReadOnlyList<string> CurrentStack()
    {
        var buffer = new int[ShadowStack.MaxRecordedDepth];
        return StackInspector.Names(buffer, ShadowStack.Current.CopyTo(buffer, out _));
    }

    /// <summary>
    /// Every instrumented thread's logical stack and every pending async operation with its
    /// logical stack and age, read without stopping anything; each waiting chain once, at its
    /// innermost operation. Pending operations are listed only while tracked: from the control
    /// agent's start (on by default), during a wall-mode session or inside <see cref="TrackPendingOperations"/>.
    /// </summary>
    public static StackDump Dump() => StackInspector.Dump();

    /// <summary>
    /// Tracks suspended async operations until disposed, so <see cref="Dump"/> can list them.
    /// Costs one compare-and-swap the first time each operation suspends.
    /// </summary>
    public static IDisposable TrackPendingOperations()
    {
        PendingOperations.Acquire();
        return new Releaser();
    }

    private sealed class Releaser : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (System.Threading.Interlocked.Exchange(ref _released, 1) == 0)
                PendingOperations.Release();
        }
    }
}
