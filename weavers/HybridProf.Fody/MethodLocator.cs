using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HybridProf.Fody;

/// <summary>
/// Finds the compiled method of each table entry: members by name and signature, lambdas
/// and local functions by their compiler-generated names and their sequence points.
/// </summary>
internal sealed class MethodLocator
{
    private readonly Dictionary<string, TypeDefinition> _types;

    public MethodLocator(ModuleDefinition module)
    {
        _types = module.GetTypes().ToDictionary(t => t.FullName, StringComparer.Ordinal);
    }

    /// <summary>Pairs each entry with its method; entries that cannot be found are reported through <paramref name="error"/>.</summary>
    public List<(TableEntry Entry, MethodDefinition Method)> Locate(IReadOnlyList<TableEntry> entries, Action<string> error)
    {
        var found = new List<(TableEntry, MethodDefinition)>();
        foreach (var entry in entries.Where(e => !e.IsLambda && !e.IsLocalFunction))
        {
            var method = FindMember(entry, out string? problem);
            if (method is null)
                error($"HybridProf: cannot find '{entry.DisplayName}' ({entry.Type}::{entry.Member}({entry.Signature})) to instrument: {problem}");
            else
                found.Add((entry, method));
        }

        foreach (var group in entries.Where(e => e.IsLambda || e.IsLocalFunction).GroupBy(e => (e.Type, e.Member, e.Kind)))
            found.AddRange(MatchGenerated(group.ToList(), error));
        return found;
    }

    private MethodDefinition? FindMember(TableEntry entry, out string? problem)
    {
        problem = null;
        if (!_types.TryGetValue(entry.Type, out var type))
        {
            problem = $"no type '{entry.Type}' in the assembly";
            return null;
        }
        var candidates = type.Methods.Where(m => m.Name == entry.Member && m.HasBody).ToList();
        if (candidates.Count > 1)
            candidates = candidates.Where(m => m.Parameters.Count == entry.ParameterCount).ToList();
        if (candidates.Count > 1)
            candidates = candidates.Where(m => CanonicalNames.Signature(m) == entry.Signature).ToList();
        if (candidates.Count == 1)
            return candidates[0];
        problem = candidates.Count == 0 ? "no method with that name and signature has a body" : "several methods match";
        return null;
    }

    /// <summary>
    /// Lambdas (<c>&lt;Member&gt;b__N_M</c>) and local functions (<c>&lt;Member&gt;g__Name|N_M</c>) of one
    /// enclosing member, matched to entries by the innermost entry span holding the method's
    /// first sequence point; without symbols, lambdas are matched in ordinal order.
    /// </summary>
    private IEnumerable<(TableEntry, MethodDefinition)> MatchGenerated(List<TableEntry> entries, Action<string> error)
    {
        var first = entries[0];
        if (!_types.TryGetValue(first.Type, out var type))
        {
            foreach (var e in entries)
                error($"HybridProf: cannot find '{e.DisplayName}': no type '{e.Type}' in the assembly");
            yield break;
        }

        var candidates = GeneratedMethods(type, first).ToList();
        var matched = new Dictionary<TableEntry, MethodDefinition>();
        bool haveSymbols = candidates.All(m => FirstSequencePoint(m) is not null);
        if (haveSymbols)
        {
            // Each method belongs to the innermost entry span holding its first sequence
            // point; when an entry owns several (e.g. a lambda inside an excluded
            // expression-tree lambda), the one that starts first is the entry's own body.
            var owned = candidates
                .Select(m => (Method: m, Point: FirstSequencePoint(m)!))
                .Select(c => (c.Method, c.Point, Owner: entries
                    .Where(e => e.Span.Contains(c.Point.StartLine, c.Point.StartColumn) && KeyMatches(e, c.Method))
                    .OrderBy(e => e.Span.StartLine).ThenBy(e => e.Span.StartColumn)
                    .LastOrDefault()))
                .Where(c => c.Owner is not null)
                .GroupBy(c => c.Owner!);
            foreach (var group in owned)
                matched[group.Key] = group.OrderBy(c => c.Point.StartLine).ThenBy(c => c.Point.StartColumn).First().Method;
        }
        else
        {
            MatchWithoutSymbols(entries, candidates, matched);
        }

        foreach (var e in entries)
        {
            if (matched.TryGetValue(e, out var method))
                yield return (e, method);
            else
                error($"HybridProf: cannot find the compiled method of '{e.DisplayName}' ({e.Kind} at line {e.Span.StartLine}) in '{e.Type}'"
                    + (haveSymbols ? "" : ": the assembly has no debug symbols, which lambdas are matched by (keep DebugType portable or embedded)"));
        }
    }

    /// <summary>
    /// Without sequence points a lambda cannot be told from its siblings (the compiler's
    /// numbering is not source order), so only unambiguous local functions are matched;
    /// the lambdas are reported by the caller as not found, with the reason.
    /// </summary>
    private static void MatchWithoutSymbols(List<TableEntry> entries, List<MethodDefinition> candidates, Dictionary<TableEntry, MethodDefinition> matched)
    {
        foreach (var e in entries.Where(e => e.IsLocalFunction))
        {
            var same = candidates.Where(m => KeyMatches(e, m)).ToList();
            if (same.Count == 1)
                matched[e] = same[0];
        }
    }

    private static bool KeyMatches(TableEntry entry, MethodDefinition method) =>
        entry.IsLambda
            ? method.Name.StartsWith("<" + entry.Member + ">b__", StringComparison.Ordinal)
            : method.Name.StartsWith("<" + entry.Member + ">g__" + entry.LocalKey + "|", StringComparison.Ordinal);

    private static IEnumerable<MethodDefinition> GeneratedMethods(TypeDefinition type, TableEntry entry)
    {
        string prefix = "<" + entry.Member + ">" + (entry.IsLambda ? "b__" : "g__");
        foreach (var t in SelfAndCompilerNested(type))
        {
            foreach (var m in t.Methods)
            {
                if (m.HasBody && m.Name.StartsWith(prefix, StringComparison.Ordinal))
                    yield return m;
            }
        }
    }

    private static IEnumerable<TypeDefinition> SelfAndCompilerNested(TypeDefinition type)
    {
        yield return type;
        foreach (var nested in type.NestedTypes.Where(n => n.Name.StartsWith("<", StringComparison.Ordinal)))
        {
            foreach (var t in SelfAndCompilerNested(nested))
                yield return t;
        }
    }

    /// <summary>The first visible sequence point of a method, or of its state machine's MoveNext.</summary>
    internal static SequencePoint? FirstSequencePoint(MethodDefinition method)
    {
        var body = StateMachines.MoveNextOf(method) ?? method;
        return body.DebugInformation.HasSequencePoints
            ? body.DebugInformation.SequencePoints.FirstOrDefault(p => !p.IsHidden)
            : null;
    }
}
