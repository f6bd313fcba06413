using System;
using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HybridProf.Fody;

/// <summary>
/// Ordinary methods, async kick-off stubs and iterator steps:
/// <c>frame = Marker.Push(Base + id)</c> on entry, <c>Marker.Pop(frame)</c> in the finally
/// (marker contract version 3: the frame carries the stack and the depth to restore), or
/// <c>Marker.PushInlinable</c> in a method the JIT is likely to inline (<see cref="InliningGuess"/>).
/// An ordinary method's entry guard stays before the push (<see cref="EntryGuard"/>), and a
/// small one's first rounds through its loop run before it (<see cref="FirstRounds"/>).
/// </summary>
internal sealed class SyncMarkerPlan : IMarkerPlan
{
    private readonly MarkerReferences _markers;
    private readonly int _localId;
    private readonly MethodReference _push;

    /// <param name="guard">The body's entry guard, for an ordinary method (not a state machine's step or kick-off).</param>
    /// <param name="firstRounds">The body's unmarked first rounds, for an ordinary method whose loop alone keeps it marked; not with a guard.</param>
    public SyncMarkerPlan(MarkerReferences markers, int localId, MethodDefinition body, EntryGuard? guard = null, FirstRounds? firstRounds = null)
    {
        _markers = markers;
        _localId = localId;
        Guard = guard;
        FirstRounds = guard is not null && firstRounds is not null ? throw new ArgumentException("a body has an entry guard or first rounds, not both") : firstRounds;
        _push = InliningGuess.IsLikelyInlined(body) ? markers.PushInlinable : markers.Push;
    }

    public TypeReference StackType => _markers.MarkerFrame;

    public EntryGuard? Guard { get; }

    public FirstRounds? FirstRounds { get; }

    public void Prepare(MethodBody body, ILProcessor il)
    {
    }

    public IEnumerable<Instruction> Prologue(ILProcessor il, VariableDefinition stack)
    {
        foreach (var instruction in _markers.LoadGlobalId(il, _localId))
            yield return instruction;
        yield return il.Create(OpCodes.Call, _push);
        yield return il.Create(OpCodes.Stloc, stack);
    }

    public IEnumerable<Instruction> FinallyAfterLoadingStack(ILProcessor il)
    {
        yield return il.Create(OpCodes.Call, _markers.Pop);
    }
}
