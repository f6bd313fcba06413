namespace HybridProf.Tests.Sampling;

/// <summary>
/// Tests that count a session's samples of threads they spin run alone: every session samples
/// every instrumented thread of the process, so another test's threads running beside them
/// took ticks' worth of samples from the count they wait for (a sleeper got 50 samples where
/// 60 were waited for).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SpinningThreadsCollection
{
    public const string Name = "Spinning threads";
}
