using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HybridProf.Fody;

/// <summary>
/// A lambda or local function of a closure class that carries hand-overs (<see cref="ClosureCarriers"/>):
/// <c>frame = Marker.PushHandedOver(Base + id, this.node)</c> on entry, <c>Marker.PopHandedOver(frame)</c>
/// in the finally. Handed over, it runs under the hander's node; called directly, as <see cref="SyncMarkerPlan"/>.
/// Without an id (a method with no frame of its own): <c>Marker.EnterHandedOver(this.node)</c>
/// and <c>Marker.ExitHandedOver(frame)</c>, the switch entry alone.
/// </summary>
internal sealed class CarriedMarkerPlan : IMarkerPlan
{
    private readonly MarkerReferences _markers;
    private readonly ClosureCarriers _carriers;
    private readonly FieldDefinition _node;
    private readonly int? _localId;

    public CarriedMarkerPlan(MarkerReferences markers, ClosureCarriers carriers, FieldDefinition node, int? localId)
    {
        _markers = markers;
        _carriers = carriers;
        _node = node;
        _localId = localId;
    }

    public TypeReference StackType => _carriers.Frame;

    public EntryGuard? Guard => null;

    public FirstRounds? FirstRounds => null;

    public void Prepare(MethodBody body, ILProcessor il)
    {
    }

    public IEnumerable<Instruction> Prologue(ILProcessor il, VariableDefinition stack)
    {
        if (_localId is { } id)
        {
            foreach (var instruction in _markers.LoadGlobalId(il, id))
                yield return instruction;
        }
        yield return il.Create(OpCodes.Ldarg_0);
        yield return il.Create(OpCodes.Ldfld, _node);
        yield return il.Create(OpCodes.Call, _localId is null ? _carriers.Enter : _carriers.Push);
        yield return il.Create(OpCodes.Stloc, stack);
    }

    public IEnumerable<Instruction> FinallyAfterLoadingStack(ILProcessor il)
    {
        yield return il.Create(OpCodes.Call, _localId is null ? _carriers.Exit : _carriers.Pop);
    }
}
