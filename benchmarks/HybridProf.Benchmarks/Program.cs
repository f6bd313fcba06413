using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace HybridProf.Benchmarks;

/// <summary>
/// Runs the suites in process: the woven code under test is this very assembly, woven at
/// build time, so no separately generated benchmark project must be woven again.
/// Usage: dotnet run -c Release --project benchmarks/HybridProf.Benchmarks -- --filter '*'
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["disasm"])
        {
            // For DOTNET_JitDisasm: run the woven target hot enough to reach tier 1.
            int acc = 0;
            for (int i = 0; i < 50_000_000; i++)
                acc = WovenTargets.Step(acc, i);
            // DOTNET_JitDisasm=InlinableLoop: the woven small method as the JIT inlines it into a loop.
            for (int round = 0; round < 50_000; round++)
                acc = InlinableLoop(acc);
            Console.WriteLine(acc);
            return;
        }
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(3).WithIterationCount(10);
        var config = DefaultConfig.Instance.AddJob(job.AsDefault());
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int InlinableLoop(int acc)
    {
        for (int i = 0; i < 1000; i++)
            acc = WovenTargets.InlinableStep(acc, i);
        return acc;
    }
}
