using System;
using System.Collections.Generic;
using HybridProf.Configuration;
using HybridProf.Markers;
using HybridProf.Model;
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
    /// <summary>Starts sampling every thread that runs instrumented code.</summary>
    /// <param name="options">Mode and rate; null for cpu mode at 100 Hz.</param>
    public static ProfilerSession Start(ProfilerOptions? options = null)
    {
        options ??= new ProfilerOptions();
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
        int count = ShadowStack.Current.CopyTo(buffer, out _);
        var names = new string[count];
        for (int i = 0; i < count; i++)
            names[i] = MethodRegistry.Lookup(buffer[i])?.Name ?? $"[unknown method {buffer[i]}]";
        return names;
    }
}
