namespace HybridProf.Model;

/// <summary>What a profile's samples measure.</summary>
public enum ProfileMode
{
    /// <summary>Only samples of threads that were running on a CPU (the default).</summary>
    Cpu,

    /// <summary>Every sample of a thread inside instrumented code, running or waiting.</summary>
    Wall,

    /// <summary>Every call timed; weights are nanoseconds, not sample counts.</summary>
    Deterministic,
}
