using System;
using System.Runtime.CompilerServices;
using System.Threading;
using HybridProf.Agent;
using HybridProf.Configuration;
using HybridProf.Deterministic;
using HybridProf.Markers;
using HybridProf.Sampling;
using HybridProf.Session;

namespace HybridProf;

/// <summary>
/// The composition root: plugs the sampler, the deterministic recorder, the automatic session
/// and the control agent into the markers, which know none of them (nor do the session and the
/// agent need to know each other beyond the agent driving sessions). It runs as this assembly's module
/// initializer, so before any marker, method table or public API of the runtime can run,
/// including under NativeAOT.
/// </summary>
internal static class RuntimeWiring
{
#pragma warning disable CA2255 // A library's module initializer, on purpose: the markers must be wired before woven code calls them.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Wire()
    {
        MarkerSetup.Warning = Diagnostics.Warn;
        MarkerSetup.ThreadAttached = ThreadRegistry.Add;
        MarkerSetup.TableRegistered = StartOnFirstTable;
        MarkerSetup.RecorderFactory = RecorderRegistry.Create;
        try
        {
            var (deterministic, timeline) = EnvironmentSettings.ReadRecording(Environment.GetEnvironmentVariable, IsSwitchOn);
            RecorderRegistry.KeepsTimeline = timeline;
            MarkerSetup.DeterministicRequested = deterministic;
        }
        catch (Exception)
        {
            // A locked-down environment (no access to variables): stay in sampling mode rather than fail at load.
        }
    }

    private static int s_started;

    // The first instrumented assembly to load starts what an instrumented process runs: the
    // control agent (hybridprof record -p, top, dump, ps) and the session the variables ask for.
    private static void StartOnFirstTable()
    {
        if (Interlocked.Exchange(ref s_started, 1) != 0)
            return;
        ControlAgent.StartIfEnabled(() => AutoStart.Session);
        AutoStart.EnsureConfigured();
    }

    private static bool IsSwitchOn(string name) => AppContext.TryGetSwitch(name, out bool on) && on;
}
