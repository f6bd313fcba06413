using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HybridProf.Fody;

public sealed partial class ModuleWeaver
{
    /// <summary>
    /// Writes the <c>s</c> flag (left out as small) into the table rows of <paramref name="small"/>
    /// and the <c>g</c> flag (marker pushed after an entry guard) into those of <paramref name="guarded"/>,
    /// so the runtime, and every report, can say that these methods are folded into their callers
    /// and which call counts leave out the calls that returned at the guard.
    /// <c>Data</c> is a constant: the compiler copied its value into each <c>ldstr</c> that
    /// reads it, so those are rewritten with it.
    /// </summary>
    private void RecordFlags(TypeDefinition table, string data, IReadOnlyCollection<int> small, IReadOnlyCollection<int> guarded)
    {
        string rewritten = data;
        if (small.Count > 0)
            rewritten = TableFlags.Add(rewritten, small, 's');
        if (guarded.Count > 0)
            rewritten = TableFlags.Add(rewritten, guarded, 'g');
        if (rewritten == data)
            return;
        var field = table.Fields.First(f => f.Name == "Data");
        field.Constant = rewritten;
        foreach (var instruction in table.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions))
        {
            if (instruction.OpCode == OpCodes.Ldstr && (string)instruction.Operand == data)
                instruction.Operand = rewritten;
        }
    }
}
