using System;
using System.Collections.Generic;
using System.Threading;
using HybridProf.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HybridProf.Generators.Tuning;

/// <summary>
/// Finds and reads the tune list. The build hands it over as an additional file with the
/// metadata <c>HybridProfTuneList=true</c> (HybridProf.targets), so the generator trusts the
/// build's choice of file (<c>HybridProfTuneFile</c>) and never guesses from a file name.
/// Format: one frame name per line, <c>#</c> starts a comment, blank lines are ignored.
/// </summary>
internal static class TuneListReader
{
    public const string MetadataKey = "build_metadata.AdditionalFiles.HybridProfTuneList";

    public static bool IsTuneList(AdditionalText file, AnalyzerConfigOptionsProvider options) =>
        options.GetOptions(file).TryGetValue(MetadataKey, out string? value) &&
        string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public static TuneList Read(AdditionalText file, CancellationToken cancellationToken)
    {
        var lines = new List<TuneListLine>();
        var text = file.GetText(cancellationToken);
        if (text is not null)
        {
            foreach (var line in text.Lines)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string content = line.ToString();
                int comment = content.IndexOf('#');
                if (comment >= 0)
                    content = content.Substring(0, comment);
                string name = content.Trim();
                if (name.Length == 0)
                    continue;
                int column = content.IndexOf(name, StringComparison.Ordinal);
                lines.Add(new TuneListLine(name, line.LineNumber, column, line.Start + column));
            }
        }
        return new TuneList(file.Path, new EquatableArray<TuneListLine>(lines.ToArray()));
    }
}
