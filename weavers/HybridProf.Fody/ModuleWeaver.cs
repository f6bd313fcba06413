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
        try
        {
            entries = TableEntry.ParseTable(ReadTableData(table));
        }
        catch (FormatException e)
        {
            WriteError($"HybridProf: {e.Message}");
            return;
        }

        var markers = new MarkerReferences(ModuleDefinition, FindTypeDefinition, table.Fields.First(f => f.Name == "Base"));

        // Left-out rows are still located, so a lambda's method is never matched to another row.
        foreach (var (entry, method) in new MethodLocator(ModuleDefinition).Locate(entries, WriteError))
        {
            if (!entry.IsLeftOutByTuneList)
                Weave(entry, method, markers);
        }

        RegisterTable(table);
        WriteMessage($"HybridProf: instrumented {WovenCount} of {entries.Count} methods.", MessageImportance.Normal);
    }

    private void Weave(TableEntry entry, MethodDefinition method, MarkerReferences markers)
    {
        if ((method.ImplAttributes & StateMachines.RuntimeAsync) != 0)
        {
            WriteWarning($"HybridProf: '{entry.DisplayName}' is a runtime-async method (runtime-async=on), which this version cannot instrument yet; it is left as it is.", method);
            return;
        }

        try
        {
            foreach (var (target, plan) in StateMachines.Plans(method, entry.LocalId, markers))
                new MethodProcessor(target, plan).Process();
            WovenCount++;
        }
        catch (Exception e)
        {
            WriteError($"HybridProf: failed to instrument '{entry.DisplayName}': {e.GetType().Name}: {e.Message}", method);
        }
    }

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
