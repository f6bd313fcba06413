using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Collections.Generic;

namespace HybridProf.Fody;

/// <summary>
/// The first rounds through a small method that only its loop keeps marked (docs/instrumentation.md,
/// "Entry guards"): a body the size rule would fold but for a branch back
/// (<c>GetSourcePosition</c>'s "find the line, usually the one looked at last", a walk up to
/// the nearest open container). The method runs its loop's first rounds unmarked
/// (<see cref="UnmarkedRounds"/>), and the marker is pushed when the loop goes round again, so a
/// call that finds what it looks for at once or a step further, or never enters its loop, has no
/// frame: its few instructions count to the caller, as a small method's do, and as a native
/// profiler shows the small loops the JIT inlines into hot callers (its default policy inlines
/// callees with loops too). A call that goes on looping has its frame from then on; its first
/// rounds count to the caller.
/// <para>
/// The weaver copies the body (<see cref="Lay"/>): the copies run first, outside the marked part;
/// a branch back in one goes on in the next, and in the last one to the push, then into the
/// marked body at the same loop head. So a call that goes round pays the push once, and the
/// marked body is the method as it was: no test inside the loop. Only bodies without exception
/// handlers, whose evaluation stack is empty at every loop head (C# leaves nothing there), and
/// whose calls can push no frame (else a call made in the first round would show under the
/// method's caller) are laid out this way.
/// </para>
/// </summary>
internal sealed class FirstRounds
{
    private FirstRounds(IReadOnlyList<Instruction> heads) => Heads = heads;

    /// <summary>The loop heads, in body order: the instructions branches back go to.</summary>
    public IReadOnlyList<Instruction> Heads { get; }

    /// <summary>The method's first rounds, or null when it has no loop or one the marked body cannot be entered at with an empty stack.</summary>
    public static FirstRounds? Find(MethodDefinition method)
    {
        if (!method.HasBody || method.Body.HasExceptionHandlers)
            return null;
        var code = method.Body.Instructions;
        var depths = StackDepths.OfBody(code);
        if (depths is null)
            return null;
        var heads = new List<Instruction>();
        var index = IndexOf(code);
        for (int i = 0; i < code.Count; i++)
        {
            foreach (var head in BackTargets(code[i], i, index))
            {
                if (!depths.TryGetValue(head, out int depth) || depth != 0)
                    return null;
                if (!heads.Contains(head))
                    heads.Add(head);
            }
        }
        return heads.Count == 0 ? null : new FirstRounds(heads.OrderBy(h => index[h]).ToList());
    }

    /// <summary>
    /// Builds the unmarked copies of <paramref name="body"/> (to go before <paramref name="push"/>,
    /// the marker's prologue) and the dispatch that starts the marked part (after the prologue,
    /// the try's first instructions): the last copy's branches back set <paramref name="selector"/>
    /// to their loop head (when there are several) and go to the push; the dispatch goes to that
    /// head in the body. Nothing is inserted yet, so the body's own returns can still be
    /// redirected; the copies keep their plain <c>ret</c>s, outside the try.
    /// </summary>
    public (List<Instruction> Copy, List<Instruction> Dispatch) Lay(ILProcessor il, MethodBody body, Instruction push, VariableDefinition? selector)
    {
        var code = body.Instructions;
        var index = IndexOf(code);
        var rounds = Enumerable.Range(0, UnmarkedRounds).Select(_ => code.Select(original => MethodProcessor.Twin(il, original)).ToList()).ToList();
        var stubs = new Dictionary<Instruction, Instruction>();
        var copy = rounds.SelectMany(round => round).ToList();
        for (int h = 0; h < Heads.Count; h++)
        {
            var stub = new List<Instruction>();
            if (selector is not null)
            {
                stub.Add(il.Create(OpCodes.Ldc_I4, h));
                stub.Add(il.Create(OpCodes.Stloc, selector));
            }
            stub.Add(il.Create(OpCodes.Br, push));
            stubs[Heads[h]] = stub[0];
            copy.AddRange(stub);
        }

        for (int r = 0; r < rounds.Count; r++)
        {
            for (int i = 0; i < code.Count; i++)
            {
                rounds[r][i].Operand = code[i].Operand switch
                {
                    Instruction target => Retarget(target),
                    Instruction[] targets => targets.Select(Retarget).ToArray(),
                    var operand => operand,
                };

                // Forward within the copy; back into the next copy, and from the last to the push.
                Instruction Retarget(Instruction target) =>
                    index[target] > i ? rounds[r][index[target]] : r + 1 < rounds.Count ? rounds[r + 1][index[target]] : stubs[target];
            }
        }
        CopySequencePoints(body, code, rounds);
        OpenRootScopeAt(body, rounds[0][0]);

        var dispatch = new List<Instruction>();
        if (selector is not null)
        {
            dispatch.Add(il.Create(OpCodes.Ldloc, selector));
            dispatch.Add(il.Create(OpCodes.Switch, Heads.ToArray()));
        }
        // After the switch this is never reached: each stub set a head the switch knows.
        dispatch.Add(il.Create(OpCodes.Br, Heads[0]));
        return (copy, dispatch);
    }

    /// <summary>
    /// Branches back a call takes before the push: C#'s <c>for</c> and <c>while</c> loops test
    /// their condition at the bottom and branch back once to enter their first round, so with
    /// three, a call whose loop runs at most twice has no frame (and one with its test inside,
    /// like <c>for (;;)</c>, at most three times): the short walks and searches that end at once
    /// or one step further (on Markdig, 2 copies left 5.64 M marked calls in 12 passes, 3 left
    /// 5.31 M). Each is one copy of the body.
    /// </summary>
    private const int UnmarkedRounds = 3;

    /// <summary>Whether the push needs a local saying which loop head the branch back was going to.</summary>
    public bool NeedsSelector => Heads.Count > 1;

    /// <summary>
    /// The copies run first, so a debugger stepping into the method, or a breakpoint on a line of
    /// its loop's first rounds, must find the lines there too: each sequence point of the body gets
    /// a twin in each copy (put first, in the copies' order: the PDB wants them in IL order).
    /// </summary>
    private static void CopySequencePoints(MethodBody body, Collection<Instruction> code, List<List<Instruction>> rounds)
    {
        var debug = body.Method.DebugInformation;
        if (!debug.HasSequencePoints)
            return;
        var mapping = debug.GetSequencePointMapping();
        var copied = new List<SequencePoint>();
        foreach (var round in rounds)
        {
            for (int i = 0; i < code.Count; i++)
            {
                if (!mapping.TryGetValue(code[i], out var point))
                    continue;
                copied.Add(new SequencePoint(round[i], point.Document)
                {
                    StartLine = point.StartLine,
                    StartColumn = point.StartColumn,
                    EndLine = point.EndLine,
                    EndColumn = point.EndColumn,
                });
            }
        }
        for (int i = copied.Count - 1; i >= 0; i--)
            debug.SequencePoints.Insert(0, copied[i]);
    }

    /// <summary>
    /// The method's outermost scope (where a debugger shows its locals) starts at its first
    /// instruction; the first copy comes before that now, so the scope starts there instead.
    /// </summary>
    private static void OpenRootScopeAt(MethodBody body, Instruction first)
    {
        var scope = body.Method.DebugInformation.Scope;
        if (scope is not null && !scope.Start.IsEndOfMethod && scope.Start.Offset == body.Instructions[0].Offset)
            scope.Start = new InstructionOffset(first);
    }

    private static Dictionary<Instruction, int> IndexOf(Collection<Instruction> code)
    {
        var index = new Dictionary<Instruction, int>(code.Count);
        for (int i = 0; i < code.Count; i++)
            index[code[i]] = i;
        return index;
    }

    private static IEnumerable<Instruction> BackTargets(Instruction instruction, int at, Dictionary<Instruction, int> index) =>
        StackDepths.BranchTargets(instruction).Where(target => index[target] <= at);
}
