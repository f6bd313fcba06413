namespace HybridProf.Analysis;

/// <summary>How a table of <see cref="FunctionWeight"/>s is ordered (<see cref="FunctionWeights.Sort"/>).</summary>
public enum FunctionOrder
{
    /// <summary>Own weight, heaviest first.</summary>
    Own,

    /// <summary>Total (inclusive) weight, heaviest first.</summary>
    Total,

    /// <summary>Function name, ordinal.</summary>
    Name,
}
