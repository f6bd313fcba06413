using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;

namespace HybridProf.Markers;

/// <summary>
/// All method tables registered in this process. Each table gets a base so that
/// <c>base + localId</c> is unique per process; id 0 is never used. Public only for
/// <see cref="Register"/>, which generated code calls (binary contract).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MethodRegistry
{
    private static readonly object s_lock = new();
    // Index = global id. Replaced, never mutated, so readers need no lock.
    private static MethodEntry?[] s_entries = new MethodEntry?[1];
    private static readonly List<string> s_unwoven = new();
    private static int s_folded;
    private static int s_guarded;

    /// <summary>
    /// Called by generated code when an instrumented assembly loads. Part of the binary
    /// contract: keep its signature.
    /// </summary>
    /// <param name="data">The table text.</param>
    /// <param name="woven">False when the weaver never ran on the assembly.</param>
    /// <returns>The base to add to the table's local ids.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static int Register(string data, bool woven)
    {
        List<MethodEntry> entries;
        try
        {
            entries = MethodTableParser.Parse(data);
        }
        catch (FormatException e)
        {
            MarkerSetup.Warning?.Invoke($"an instrumented assembly was skipped: {e.Message}");
            return 0;
        }

        int @base;
        lock (s_lock)
        {
            var current = s_entries;
            @base = current.Length - 1;
            var next = new MethodEntry?[current.Length + entries.Count];
            Array.Copy(current, next, current.Length);
            for (int i = 0; i < entries.Count; i++)
                next[@base + 1 + i] = entries[i];
            s_entries = next;
            if (!woven && entries.Count > 0)
                s_unwoven.Add(entries[0].Name);
            foreach (var entry in entries)
            {
                s_folded += entry.IsFolded ? 1 : 0;
                s_guarded += entry.HasEntryGuard ? 1 : 0;
            }
        }

        // The automatic session (HYBRIDPROF_OUTPUT) starts here, on the first table.
        MarkerSetup.TableRegistered?.Invoke();
        return @base;
    }

    /// <summary>The entry of a global id, or null when the id is unknown.</summary>
    internal static MethodEntry? Lookup(int id)
    {
        var entries = s_entries;
        return (uint)id < (uint)entries.Length ? entries[id] : null;
    }

    /// <summary>Number of ids handed out so far (the highest global id).</summary>
    internal static int Count => s_entries.Length - 1;

    /// <summary>Listed methods that have no marker (small, or in the tune list): their time is their callers'.</summary>
    internal static int FoldedCount => Volatile.Read(ref s_folded);

    /// <summary>Marked methods whose calls that return at their entry guard have no frame (flag <c>g</c>).</summary>
    internal static int GuardedCount => Volatile.Read(ref s_guarded);

    /// <summary>A method of each assembly that declared [Profile] but was never woven.</summary>
    internal static IReadOnlyList<string> UnwovenAssemblies
    {
        get { lock (s_lock) return s_unwoven.ToArray(); }
    }
}
