using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace HybridProf.Fody;

/// <summary>
/// Async methods and iterators are compiled to a kick-off stub and a state machine; the
/// markers belong in the state machine's MoveNext, where the method's code really runs.
/// </summary>
internal static class StateMachines
{
    private static readonly string[] Attributes =
    {
        "System.Runtime.CompilerServices.AsyncStateMachineAttribute",
        "System.Runtime.CompilerServices.IteratorStateMachineAttribute",
        "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute",
    };

    /// <summary>
    /// Whether the method's own body gets a marker of its own (an ordinary method, an async
    /// method's kick-off), as opposed to only its state machine's MoveNext (iterators).
    /// </summary>
    public static bool MarksItsOwnBody(MethodDefinition method) =>
        (method.ImplAttributes & RuntimeAsync) == 0 &&
        Find(method) is var (kind, moveNext) && (moveNext is null || kind == "System.Runtime.CompilerServices.AsyncStateMachineAttribute");

    /// <summary>MethodImplOptions.Async (0x2000): .NET 11 runtime-async methods have no state machine.</summary>
    public const MethodImplAttributes RuntimeAsync = (MethodImplAttributes)0x2000;

    /// <summary>The MoveNext of the method's state machine, or null for an ordinary method.</summary>
    public static MethodDefinition? MoveNextOf(MethodDefinition method) => Find(method).MoveNext;

    /// <summary>
    /// The bodies to weave for one table entry and how:
    /// an ordinary method: itself; an iterator: each MoveNext is a step under its consumer;
    /// an async method: the kick-off (its first run is under its callers) and MoveNext (a
    /// switch to its logical callers on every resumption); an async iterator: MoveNext only
    /// (the kick-off merely creates the enumerable).
    /// </summary>
    /// <param name="guard">The entry guard of an ordinary method (<see cref="EntryGuard"/>), or null.</param>
    /// <param name="firstRounds">The unmarked first rounds of an ordinary method (<see cref="FirstRounds"/>), or null.</param>
    public static IEnumerable<(MethodDefinition Body, IMarkerPlan Plan)> Plans(MethodDefinition method, int localId, MarkerReferences markers, EntryGuard? guard = null, FirstRounds? firstRounds = null)
    {
        var (kind, moveNext) = Find(method);
        if (moveNext is null)
        {
            yield return (method, new SyncMarkerPlan(markers, localId, method, guard, firstRounds));
            yield break;
        }
        switch (kind)
        {
            case "System.Runtime.CompilerServices.IteratorStateMachineAttribute":
                yield return (moveNext, new SyncMarkerPlan(markers, localId, moveNext));
                break;
            case "System.Runtime.CompilerServices.AsyncStateMachineAttribute":
                yield return (method, new SyncMarkerPlan(markers, localId, method));
                yield return (moveNext, new AsyncMoveNextPlan(moveNext, markers, localId, isIterator: false));
                break;
            default:
                yield return (moveNext, new AsyncMoveNextPlan(moveNext, markers, localId, isIterator: true));
                break;
        }
    }

    private static (string? Kind, MethodDefinition? MoveNext) Find(MethodDefinition method)
    {
        var attribute = method.CustomAttributes.FirstOrDefault(a => Attributes.Contains(a.AttributeType.FullName));
        if (attribute is null || attribute.ConstructorArguments.Count != 1)
            return (null, null);
        var machine = (attribute.ConstructorArguments[0].Value as TypeReference)?.Resolve();
        return (attribute.AttributeType.FullName, machine?.Methods.FirstOrDefault(m => m.Name == "MoveNext" && m.HasBody));
    }
}
