using HybridProf.Model;

namespace HybridProf.Analysis;

/// <summary>One function's weight over a whole profile, all threads merged.</summary>
/// <param name="Frame">The function; of the frames with its name, one with a source file, for the location.</param>
/// <param name="Own">Weight of the stacks it is the leaf of: time in its own code.</param>
/// <param name="Total">Weight of the stacks it is anywhere in, counted once per stack under recursion.</param>
public sealed record FunctionWeight(Frame Frame, long Own, long Total)
{
    /// <summary>The function's name (<see cref="Model.Frame.Name"/>), by which functions are merged.</summary>
    public string Name => Frame.Name;
}
