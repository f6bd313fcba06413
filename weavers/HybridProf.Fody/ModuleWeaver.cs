using System;
using System.Collections.Generic;
using System.Linq;
using Fody;
using Mono.Cecil;

namespace HybridProf.Fody;

/// <summary>
/// Fody entry point. The generator decided what to instrument and wrote it into the
/// assembly as a method table; this weaver only reads that table and plants the markers.
/// </summary>
public sealed partial class ModuleWeaver : BaseModuleWeaver
{
    internal const string TableTypeName = "HybridProf.Generated.__HybridProfMethodTable";

    /// <summary>Methods woven by the last run (for tests and build logs).</summary>
    internal int WovenCount { get; private set; }

    public override void Execute()
    {
        var table = ModuleDefinition.GetType(TableTypeName);
        if (table is null)
        {
            WriteMessage("HybridProf: no method table in this assembly (no [Profile] attribute, or HybridProfEnabled=false); nothing to weave.", MessageImportance.Normal);
            return;
        }

        List<TableEntry> entries;
        string data;
        try
        {
            data = ReadTableData(table);
            entries = TableEntry.ParseTable(data);
        }
        catch (FormatException e)
        {
            WriteError($"HybridProf: {e.Message}");
            return;
        }

        var markers = new MarkerReferences(ModuleDefinition, FindTypeDefinition, table.Fields.First(f => f.Name == "Base"));

        int limit = SmallMethodLimit(table);
        // Left-out rows are still located, so a lambda's method is never matched to another row.
        var located = new MethodLocator(ModuleDefinition).Locate(entries, WriteError);
        var sizeRule = new SmallMethodRule(limit, located.Select(l => l.Method));
        var small = new List<int>();
        var marked = new List<(TableEntry Entry, MethodDefinition Method)>();
        var unmarked = new List<MethodDefinition>();
        int tunedOut = 0;
        foreach (var (entry, method) in located)
        {
            if (entry.IsLeftOutByTuneList)
            {
                tunedOut++;
                unmarked.Add(method);
                WriteDebug($"HybridProf: {entry.DisplayName}: left out by the tune list");
            }
            else if (sizeRule.WhyMarked(method, entry) is { } reason)
            {
                marked.Add((entry, method));
                WriteDebug($"HybridProf: {entry.DisplayName}: instrumented ({reason})");
            }
            else
            {
                small.Add(entry.LocalId);
                unmarked.Add(method);
                WriteDebug($"HybridProf: {entry.DisplayName}: folded into its callers (IL {method.Body.CodeSize} bytes, no loop, no call out of sight)");
            }
        }

        // Decided before any body is woven: a closure class carries hand-overs only if every
        // method of it gets its own marker.
        var carriers = ClosureCarriers.For(ModuleDefinition, name => TryFindTypeDefinition(name, out var type) ? type : null, markers.AsyncNode);
        var sites = HandOffSites.For(ModuleDefinition, name => TryFindTypeDefinition(name, out var type) ? type : null, markers.AsyncNode);
        var carried = carriers?.Choose(
                marked.Select(m => m.Method).Where(StateMachines.MarksItsOwnBody).ToList(),
                unmarked.Where(StateMachines.MarksItsOwnBody).ToList(),
                sites is null ? Array.Empty<MethodDefinition>() : BodiesHandingOver(located.Select(l => l.Method)).SelectMany(sites.ClosureLambdasHandedOver).ToList())
            ?? new Dictionary<MethodDefinition, FieldDefinition>();
        if (sites is not null)
            sites.ClosureFields = carried;
        var guarded = new List<int>();
        int firstRoundMethods = 0;
        var markedMethods = new HashSet<MethodDefinition>(marked.Select(m => m.Method));
        foreach (var (entry, method) in marked)
        {
            if (carried.TryGetValue(method, out var node))
            {
                Weave(entry, method, markers, new CarriedMarkerPlan(markers, carriers!, node, entry.LocalId), guard: null, firstRounds: null);
                continue;
            }
            var firstRounds = sizeRule.FirstRoundsOf(method, entry, markedMethods);
            var guard = firstRounds is null ? sizeRule.EntryGuardOf(method, entry) : null;
            if (firstRounds is not null)
            {
                guarded.Add(entry.LocalId);
                firstRoundMethods++;
                WriteDebug($"HybridProf: {entry.DisplayName}: small but for its loop; calls whose loop runs at most twice have no frame");
            }
            else if (guard is not null)
            {
                guarded.Add(entry.LocalId);
                WriteDebug($"HybridProf: {entry.DisplayName}: calls that return at its entry guard ({guard.Instructions.Count} instructions) have no frame");
            }
            Weave(entry, method, markers, carried: null, guard, firstRounds);
        }
        foreach (var method in unmarked.Where(carried.ContainsKey))
        {
            try
            {
                new MethodProcessor(method, new CarriedMarkerPlan(markers, carriers!, carried[method], localId: null)).Process();
            }
            catch (Exception e)
            {
                WriteError($"HybridProf: failed to carry hand-overs into '{method.FullName}': {e.GetType().Name}: {e.Message}", method);
            }
        }

        int handOvers = sites is null ? 0 : WeaveHandOvers(located.Select(l => l.Method), sites);

        RecordFlags(table, data, small, guarded);
        RegisterTable(table);
        WriteMessage(Summary(entries.Count, small.Count, guarded.Count - firstRoundMethods, firstRoundMethods, tunedOut, limit, handOvers), MessageImportance.High);
    }

    /// <summary>The one line a build prints: what was marked, what was folded into callers and why.</summary>
    private string Summary(int listed, int small, int guarded, int firstRounds, int tunedOut, int limit, int handOvers)
    {
        // Fody starts the line with "Fody/HybridProf:" itself.
        string line = $"instrumented {WovenCount} of {listed} methods";
        if (small > 0)
            line += $"; {small} small {(small == 1 ? "one" : "ones")} (IL ≤ {limit} bytes, no loop, no call out of sight) folded into {(small == 1 ? "its callers" : "their callers")} (HybridProfSmallMethodLimit=0 instruments them)";
        if (guarded > 0)
            line += $"; {guarded} push{(guarded == 1 ? "es its marker" : " their markers")} after {(guarded == 1 ? "its entry guard" : "their entry guards")} (a call that returns there is its caller's time)";
        if (firstRounds > 0)
            line += $"; {firstRounds} small {(firstRounds == 1 ? "one pushes its marker when its loop goes" : "ones push their markers when their loops go")} round again (a call that loops at most twice is its caller's time)";
        if (tunedOut > 0)
            line += $"; {tunedOut} left out by the tune list";
        if (handOvers > 0)
            line += $"; the caller's stack carried into {handOvers} hand-over{(handOvers == 1 ? "" : "s")} to other threads";
        return line + ".";
    }

    /// <summary>The table class's <c>SmallMethodLimit</c> constant (MSBuild <c>HybridProfSmallMethodLimit</c>), else the default.</summary>
    private static int SmallMethodLimit(TypeDefinition table) =>
        table.Fields.FirstOrDefault(f => f.Name == "SmallMethodLimit" && f.HasConstant)?.Constant is int limit
            ? limit
            : SmallMethodRule.DefaultLimit;

    /// <param name="carried">The plan of a closure class's method that carries hand-overs (for its own body), else null.</param>
    /// <param name="guard">The method's entry guard (<see cref="EntryGuard"/>), or null.</param>
    /// <param name="firstRounds">The method's unmarked first rounds (<see cref="FirstRounds"/>), or null.</param>
    private void Weave(TableEntry entry, MethodDefinition method, MarkerReferences markers, IMarkerPlan? carried, EntryGuard? guard, FirstRounds? firstRounds)
    {
        if ((method.ImplAttributes & StateMachines.RuntimeAsync) != 0)
        {
            WriteWarning($"HybridProf: '{entry.DisplayName}' is a runtime-async method (runtime-async=on), which this version cannot instrument yet; it is left as it is.", method);
            return;
        }

        try
        {
            foreach (var (target, plan) in StateMachines.Plans(method, entry.LocalId, markers, guard, firstRounds))
                new MethodProcessor(target, target == method && carried is not null ? carried : plan).Process();
            WovenCount++;
        }
        catch (Exception e)
        {
            WriteError($"HybridProf: failed to instrument '{entry.DisplayName}': {e.GetType().Name}: {e.Message}", method);
        }
    }

    /// <summary>
    /// Hand-overs (Task.Run, Parallel, the thread pool, threads, timers, PLINQ) in every method
    /// of the table, marked or not (a folded method hands over under its caller's frame), and
    /// in the state machines where async methods' and iterators' code really runs.
    /// </summary>
    private int WeaveHandOvers(IEnumerable<MethodDefinition> methods, HandOffSites sites)
    {
        int count = 0;
        foreach (var body in BodiesHandingOver(methods))
        {
            try
            {
                count += sites.Rewrite(body);
            }
            catch (Exception e)
            {
                WriteError($"HybridProf: failed to carry the caller's stack into the hand-overs of '{body.FullName}': {e.GetType().Name}: {e.Message}", body);
            }
        }
        return count;
    }

    /// <summary>Each method and, for async methods and iterators, the state machine where their code runs.</summary>
    private static IEnumerable<MethodDefinition> BodiesHandingOver(IEnumerable<MethodDefinition> methods) =>
        methods.SelectMany(m => new[] { m, StateMachines.MoveNextOf(m) }).OfType<MethodDefinition>();

    private static string ReadTableData(TypeDefinition table) =>
        table.Fields.FirstOrDefault(f => f.Name == "Data" && f.HasConstant)?.Constant as string
        ?? throw new FormatException("the method table has no Data constant");

    public override IEnumerable<string> GetAssembliesForScanning()
    {
        yield return "HybridProf";
        yield return "netstandard";
        yield return "mscorlib";
        yield return "System.Runtime";
    }

    // The woven assembly calls into the HybridProf runtime: keep its reference.
    public override bool ShouldCleanReference => false;
}
