using System;
using System.Runtime.CompilerServices;
using HybridProf.Configuration;
using HybridProf.Deterministic;
using HybridProf.Markers;
using HybridProf.Sampling;

namespace HybridProf.Session;

/// <summary>
/// The composition root: plugs the sampler, the deterministic recorder and the automatic
/// session into the markers, which know none of them. It runs as this assembly's module
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
        MarkerSetup.TableRegistered = AutoStart.EnsureConfigured;
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

    private static bool IsSwitchOn(string name) => AppContext.TryGetSwitch(name, out bool on) && on;
}
