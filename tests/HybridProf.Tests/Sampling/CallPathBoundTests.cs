using HybridProf.Configuration;
using HybridProf.Formats;
using HybridProf.Model;
using HybridProf.Sampling;
using HybridProf.Session;
using HybridProf.Tests.TestSupport;

namespace HybridProf.Tests.Sampling;

/// <summary>
/// The bound on call paths (<c>HYBRIDPROF_MAX_CALL_PATHS</c>): past it, new stacks are counted
/// under <c>[truncated]</c>, so memory stays bounded and every sample still counts.
/// </summary>
public class CallPathBoundTests
{
    [Fact]
    public void Stacks_past_the_bound_are_counted_under_truncated_with_their_whole_weight()
    {
        var aggregator = new SampleAggregator(maxCallPaths: 10);
        int thread = aggregator.ThreadIndex(1, 1, "worker");
        // 40 distinct stacks of 3 frames, 3 samples each: 120 call paths, 10 of them kept.
        for (int i = 0; i < 40; i++)
            aggregator.Add(thread, new[] { 1000 + i % 4, 2000 + i, 3000 + i }, 3, truncated: false, weight: 3);

        var profile = aggregator.Build(new ProfileMetadata(ProfileMode.Wall, 100, TimeSpan.FromSeconds(1)));
        Assert.Equal(120, profile.TotalSamples);
        Assert.True(CallPaths(profile) <= 10, $"{CallPaths(profile)} call paths kept");
        // The first three stacks fit whole (3 paths each); the fourth's first frame takes the
        // last path, and everything after is overflow.
        Assert.Equal(111, TruncatedWeight(profile));
        // [truncated] sits below the longest known prefix: the first frames of later stacks are still there.
        Assert.Contains(profile.Stacks, s => profile.FrameNames(s).Count() == 2 && profile.FrameNames(s).Last() == "[truncated]");
    }

    [Fact]
    public void A_tiny_bound_from_the_environment_keeps_a_sampled_run_bounded_and_its_file_whole()
    {
        var table = new TestTable(Enumerable.Range(0, 10).Select(i => $"Bound.M{i}").ToArray());
        string output = Path.Combine(Path.GetTempPath(), $"hybridprof-bound-{Guid.NewGuid():N}.collapsed");
        var options = EnvironmentSettings.Read(
            name => name switch
            {
                "HYBRIDPROF_OUTPUT" => output,
                "HYBRIDPROF_MODE" => "wall",
                "HYBRIDPROF_RATE" => "1000",
                "HYBRIDPROF_MAX_CALL_PATHS" => "20",
                _ => null,
            },
            warning => Assert.Fail(warning),
            1)!;
        Assert.Equal(20, options.MaxCallPaths);

        var session = Profiler.Start(options);
        // 1000 distinct stacks of three frames, each held for a millisecond: at any sampling
        // rate the session sees far more than 20 call paths.
        var walker = new Thread(() =>
        {
            for (int i = 0; i < 1000; i++)
                table.In($"Bound.M{i / 100}", () => table.In($"Bound.M{i / 10 % 10}", () => table.In($"Bound.M{i % 10}", () => Thread.Sleep(1))));
        });
        walker.Start();
        walker.Join();
        var profile = session.Stop();

        // The session samples every thread of this test process: the bound holds for them all.
        Assert.True(CallPaths(profile) <= 20, $"{CallPaths(profile)} call paths kept");
        Assert.True(TruncatedWeight(profile) > 0, "nothing was counted under [truncated]");
        Assert.Equal(session.SampleCount, profile.TotalSamples);

        // Written and read back: the overflow is in the file, and no weight is lost on the way.
        ProfileOutput.Write(profile, output, EnvironmentSettings.Output, "test");
        var read = ProfileFormats.Read(output);
        File.Delete(output);
        Assert.Equal(profile.TotalSamples, read.TotalSamples);
        Assert.Equal(TruncatedWeight(profile), TruncatedWeight(read));
    }

    /// <summary>Distinct call paths of a profile: stack prefixes, synthetic leaves left out.</summary>
    internal static int CallPaths(Profile profile) => profile.Stacks
        .SelectMany(s =>
        {
            var names = profile.FrameNames(s).TakeWhile(n => !n.StartsWith('[')).ToList();
            return Enumerable.Range(1, names.Count).Select(n => string.Join(";", names.Take(n)));
        })
        .Distinct()
        .Count();

    internal static long TruncatedWeight(Profile profile) =>
        profile.Stacks.Where(s => profile.FrameNames(s).Contains("[truncated]")).Sum(s => s.Samples);
}
