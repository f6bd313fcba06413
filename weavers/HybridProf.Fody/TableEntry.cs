using System;
using System.Collections.Generic;
using System.Globalization;
using HybridProf.Contracts;

namespace HybridProf.Fody;

/// <summary>One row of the generated method table (docs/method-table.md).</summary>
internal sealed class TableEntry
{
    public int LocalId { get; private set; }
    public string Kind { get; private set; } = "";

    /// <summary>Field 2: <c>a</c>/<c>i</c> async/iterator, <c>p</c> pinned, <c>t</c> left out by the tune list, <c>s</c> left out as small; <c>-</c> none.</summary>
    public string Flags { get; private set; } = "-";
    public string DisplayName { get; private set; } = "";
    public string Type { get; private set; } = "";
    public string Member { get; private set; } = "";
    public string Signature { get; private set; } = "";
    public string LocalKey { get; private set; } = "";
    public SourceSpan Span { get; private set; }

    public bool IsLambda => Kind == "lambda";
    public bool IsLocalFunction => Kind == "local";

    /// <summary><c>[Profile]</c> on the method itself: marked whatever its size.</summary>
    public bool IsPinned => Flags.IndexOf('p') >= 0;

    /// <summary>An async method or an iterator: compiled to a state machine.</summary>
    public bool IsStateMachine => Flags.IndexOf('a') >= 0 || Flags.IndexOf('i') >= 0;

    /// <summary>The user's tune list left it out (flag <c>t</c>): it keeps its row and id, but no markers.</summary>
    public bool IsLeftOutByTuneList => Flags.IndexOf('t') >= 0;

    public int ParameterCount
    {
        get
        {
            // Strip the generic arity prefix (``N:) and a conversion's return type (~T).
            string parameters = Signature;
            if (parameters.StartsWith("``", StringComparison.Ordinal))
                parameters = parameters.Substring(parameters.IndexOf(':') + 1);
            int tilde = parameters.IndexOf('~');
            if (tilde >= 0)
                parameters = parameters.Substring(0, tilde);
            return parameters.Length == 0 ? 0 : SplitSignature(parameters).Count;
        }
    }

    /// <exception cref="FormatException">The table is malformed or from a newer generator.</exception>
    public static List<TableEntry> ParseTable(string data)
    {
        string[] lines = data.Split('\n');
        if (!lines[0].StartsWith(MethodTableFormat.Header, StringComparison.Ordinal)
            || !int.TryParse(lines[0].Substring(MethodTableFormat.Header.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int version))
            throw new FormatException($"the method table has no '{MethodTableFormat.Header.TrimEnd()}' header");
        if (version != MethodTableFormat.Version)
            throw new FormatException($"the method table has format {version}; this weaver reads format {MethodTableFormat.Version}");

        var entries = new List<TableEntry>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
                continue;
            string[] f = lines[i].Split('\t');
            if (f.Length != MethodTableFormat.FieldCount)
                throw new FormatException($"method table row {i} has {f.Length} fields, expected {MethodTableFormat.FieldCount}: {lines[i]}");
            entries.Add(new TableEntry
            {
                LocalId = i,
                Kind = f[0],
                Flags = f[1],
                DisplayName = f[2],
                Type = f[5],
                Member = f[6],
                Signature = f[7],
                LocalKey = f[8],
                Span = SourceSpan.Parse(f[9]),
            });
        }
        return entries;
    }

    /// <summary>Splits a canonical signature at top-level commas (generic arguments hold commas too).</summary>
    public static List<string> SplitSignature(string signature)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < signature.Length; i++)
        {
            char c = signature[i];
            if (c == '<' || c == '[') depth++;
            else if (c == '>' || c == ']') depth--;
            else if (c == ',' && depth == 0)
            {
                parts.Add(signature.Substring(start, i - start));
                start = i + 1;
            }
        }
        parts.Add(signature.Substring(start));
        return parts;
    }

    public override string ToString() => DisplayName;
}
