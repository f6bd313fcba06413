using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HybridProf.Fody;

/// <summary>Which marker calls a method gets; <see cref="MethodProcessor"/> does the rest.</summary>
internal interface IMarkerPlan
{
    /// <summary>Type of the local that carries what the entry call returns (the shadow stack, or the frame of contract version 2) to the exit call.</summary>
    TypeReference StackType { get; }

    /// <summary>The checks at the body's start that stay outside the marked part, or null (<see cref="EntryGuard"/>).</summary>
    EntryGuard? Guard { get; }

    /// <summary>The unmarked first rounds of a small method with a loop, or null (<see cref="FirstRounds"/>); never with a <see cref="Guard"/>.</summary>
    FirstRounds? FirstRounds { get; }

    /// <summary>Rewrites inside the body before it is wrapped (e.g. hooks at each await).</summary>
    void Prepare(MethodBody body, ILProcessor il);

    /// <summary>The entry call; it leaves the stack on the evaluation stack and ends with storing it in <paramref name="stack"/>.</summary>
    IEnumerable<Instruction> Prologue(ILProcessor il, VariableDefinition stack);

    /// <summary>The exit call, run in the finally after the stack local is loaded.</summary>
    IEnumerable<Instruction> FinallyAfterLoadingStack(ILProcessor il);
}
