using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HybridProf.Fody;

public sealed partial class ModuleWeaver
{
    /// <summary>
    /// Writes the <c>s</c> flag (left out as small) into the table rows of <paramref name="localIds"/>,
    /// so the runtime, and every report, can say that these methods are folded into their callers.
    /// <c>Data</c> is a constant: the compiler copied its value into each <c>ldstr</c> that
    /// reads it, so those are rewritten with it.
    /// </summary>
    private void RecordLeftOut(TypeDefinition table, string data, IReadOnlyCollection<int> localIds)
    {
        string rewritten = TableFlags.Add(data, localIds, 's');
        var field = table.Fields.First(f => f.Name == "Data");
        field.Constant = rewritten;
        foreach (var instruction in table.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions))
        {
            if (instruction.OpCode == OpCodes.Ldstr && (string)instruction.Operand == data)
                instruction.Operand = rewritten;
        }
    }
}
