using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HybridProf.Generators.Model;
using HybridProf.Generators.Tuning;

namespace HybridProf.Generators.Emit;

/// <summary>
/// Turns the entries of all declarations into the table: applies <c>[assembly: Profile]</c>,
/// orders by file (ordinal) then position, names overloads apart and marks the rows the tune
/// list leaves out.
/// </summary>
internal static class TableBuilder
{
    /// <summary>The table, or null when nothing is to be emitted.</summary>
    public static MethodTableModel? Build(
        ImmutableArray<EquatableArray<TableEntry>> declarations, CompilationFacts facts, bool enabled, ImmutableArray<TuneList> tuneLists, int? smallMethodLimit = null)
    {
        if (!enabled || !facts.ReferencesHybridProf)
            return null;

        var entries = declarations
            .SelectMany(static d => d)
            .Where(e => e.Selection != Selection.Inherit || facts.AssemblyProfiled)
            .OrderBy(static e => e.File, StringComparer.Ordinal)
            .ThenBy(static e => e.Span.Position)
            .ThenByDescending(static e => e.Span.Length)
            .ToList();
        if (entries.Count == 0)
            return null;

        var overloaded = OverloadedOwners(entries);
        var names = entries.Select(e => e.Name.Format(overloaded.Contains(e.Name.Owner))).ToArray();
        var warnings = new List<TuneListWarning>();
        var leftOut = TuneListApplier.Apply(tuneLists, names, entries.Select(static e => e.Selection == Selection.Pinned).ToArray(), warnings);
        var lines = entries
            .Select((e, i) => TableLine.Format(e, names[i], FlagsField(e, leftOut[i])))
            .ToArray();
        return new MethodTableModel(new EquatableArray<string>(lines), facts.ModuleInitializer, new EquatableArray<TuneListWarning>(warnings.ToArray()), smallMethodLimit);
    }

    /// <summary>Field 2: the entry's own letters, then <c>p</c> when pinned or <c>t</c> when the tune list leaves it out (a pinned method never is).</summary>
    private static string FlagsField(TableEntry entry, bool leftOutByTuneList) =>
        entry.Selection == Selection.Pinned ? Discovery.FunctionFlags.With(entry.Flags, 'p')
        : leftOutByTuneList ? TuneListApplier.WithLeftOut(entry.Flags)
        : entry.Flags;

    /// <summary>
    /// Owner display names shared by more than one instrumented member (overloads): those
    /// entries get parameter types, <c>Parse(string)</c>, <c>Parse(int, string)</c>,
    /// <c>this[int].get</c>. The accessors of one indexer share an owner, so they are
    /// named alike: <c>this[string].get</c>, <c>this[string].set</c>.
    /// </summary>
    private static HashSet<string> OverloadedOwners(IEnumerable<TableEntry> entries) =>
        new(entries
            .GroupBy(static e => e.Name.Owner, StringComparer.Ordinal)
            .Where(static g => g.Select(static e => e.Name.OwnerWithParameters).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(static g => g.Key),
            StringComparer.Ordinal);
}
