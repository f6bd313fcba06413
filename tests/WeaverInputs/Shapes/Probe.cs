using System.Collections.Generic;
using HybridProf;

[assembly: Profile]

namespace WeaverInput;

/// <summary>Records the instrumented stack at chosen points, so tests can assert the exact pushes and pops.</summary>
[NoProfile]
public static class Probe
{
    public static List<string> Log { get; } = new();

    public static void Record(string label)
    {
        // Continuations record from pool threads.
        string entry = label + ": " + string.Join(" > ", Profiler.CurrentStack());
        lock (Log)
            Log.Add(entry);
    }

    public static int Depth() => Profiler.CurrentStack().Count;
}
