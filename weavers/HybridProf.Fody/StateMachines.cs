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

    /// <summary>MethodImplOptions.Async (0x2000): .NET 11 runtime-async methods have no state machine.</summary>
    public const MethodImplAttributes RuntimeAsync = (MethodImplAttributes)0x2000;

    /// <summary>The MoveNext of the method's state machine, or null for an ordinary method.</summary>
    public static MethodDefinition? MoveNextOf(MethodDefinition method)
    {
        var attribute = method.CustomAttributes.FirstOrDefault(a => Attributes.Contains(a.AttributeType.FullName));
        if (attribute is null || attribute.ConstructorArguments.Count != 1)
            return null;
        var machine = (attribute.ConstructorArguments[0].Value as TypeReference)?.Resolve();
        return machine?.Methods.FirstOrDefault(m => m.Name == "MoveNext" && m.HasBody);
    }
}
