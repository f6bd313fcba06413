using HybridProf.Model;

namespace HybridProf.Tests.Model;

public class ProfileBuilderTests
{
    [Fact]
    public void Identical_stacks_on_one_thread_are_merged()
    {
        var builder = new ProfileBuilder();
        var thread = new ProfileThread(1, "main");
        builder.AddStack(thread, new[] { new Frame("a"), new Frame("b") }, 2);
        builder.AddStack(thread, new[] { new Frame("a"), new Frame("b") }, 3);
        var profile = builder.Build(new ProfileMetadata(ProfileMode.Cpu, 100, TimeSpan.FromSeconds(1)));
        var stack = Assert.Single(profile.Stacks);
        Assert.Equal(5, stack.Samples);
        Assert.Equal(5, profile.TotalSamples);
    }

    [Fact]
    public void Bad_stacks_are_refused_with_the_reason()
    {
        var builder = new ProfileBuilder();
        int thread = builder.AddThread(new ProfileThread(1, "main"));
        int frame = builder.AddFrame(new Frame("a"));
        Assert.Contains("positive", Assert.Throws<ArgumentException>(() => builder.AddStack(thread, new[] { frame }, 0)).Message);
        Assert.Contains("at least one frame", Assert.Throws<ArgumentException>(() => builder.AddStack(thread, Array.Empty<int>(), 1)).Message);
        Assert.Contains("Frame index 7", Assert.Throws<ArgumentException>(() => builder.AddStack(thread, new[] { 7 }, 1)).Message);
        Assert.Contains("Thread index 3", Assert.Throws<ArgumentException>(() => builder.AddStack(3, new[] { frame }, 1)).Message);
    }
}
