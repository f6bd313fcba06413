namespace HybridProf.Cli.Tests;

/// <summary>
/// Tests that measure how CPU time divides between functions run alone: xunit starts this
/// collection only after the parallel ones are done, and runs nothing beside it. A pack or a
/// NativeAOT publish on the next core would not bias the shares, but it would stretch the run
/// and starve the sampler of the samples the statistics count on.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class QuietMachineCollection
{
    public const string Name = "quiet machine";
}
