using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace HybridProf.Generators.Tuning;

/// <summary>
/// Decides which table rows the tune lists leave out. A left-out row stays in the table with
/// the flag letter <c>t</c> (docs/method-table.md), so ids do not move and the runtime can still
/// name it; the weaver plants no markers in it. A pinned row is never left out.
/// </summary>
internal static class TuneListApplier
{
    /// <summary>The flag letter of a row the tune list leaves out.</summary>
    public const char LeftOutLetter = 't';

    /// <param name="lists">The tune lists (normally one).</param>
    /// <param name="displayNames">Each row's display name (field 3), in row order.</param>
    /// <param name="pinned">Whether each row has <c>[Profile]</c> on itself.</param>
    /// <param name="warnings">Lines that leave nothing out, and why.</param>
    /// <returns>Whether each row is left out.</returns>
    public static bool[] Apply(ImmutableArray<TuneList> lists, IReadOnlyList<string> displayNames, IReadOnlyList<bool> pinned, List<TuneListWarning> warnings)
    {
        var leftOut = new bool[displayNames.Count];
        if (lists.IsDefaultOrEmpty)
            return leftOut;

        var rowsByName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int row = 0; row < displayNames.Count; row++)
        {
            if (!rowsByName.TryGetValue(displayNames[row], out var rows))
                rowsByName[displayNames[row]] = rows = new List<int>();
            rows.Add(row);
        }

        foreach (var list in lists)
        {
            foreach (var line in list.Lines)
            {
                if (!rowsByName.TryGetValue(line.Name, out var rows))
                {
                    warnings.Add(new TuneListWarning(TuneListProblem.UnknownName, list.Path, line));
                    continue;
                }
                bool anyPinned = false;
                foreach (int row in rows)
                {
                    if (pinned[row])
                        anyPinned = true;
                    else
                        leftOut[row] = true;
                }
                if (anyPinned)
                    warnings.Add(new TuneListWarning(TuneListProblem.Pinned, list.Path, line));
            }
        }
        return leftOut;
    }

    /// <summary>The flags field with <c>t</c> added after the letters it has (<c>-</c> has none).</summary>
    public static string WithLeftOut(string flags) => (flags == "-" ? "" : flags) + LeftOutLetter;
}
