using HybridProf.Cli.Truth;
using HybridProf.Formats;
using HybridProf.Model;
using static HybridProf.Cli.Tests.Truth.TraceFiles;

namespace HybridProf.Cli.Tests.Truth;

public sealed class PlainTraceReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hybridprof-truth-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Term = "App.Plain!App.Parser.Term()";
    private const string Number = "App.Plain!App.Parser.Number()";

    [Fact]
    public void Evented_thread_time_reads_back_as_stacks_with_their_time_and_state_and_the_interval_is_estimated()
    {
        // Alternating stacks (runs of one sample) and a run of three merged samples, 1.2 ms apart.
        var samples = new List<Sample>();
        for (int i = 0; i < 20; i++)
        {
            samples.Add(new Sample([Term], true, 1.2));
            samples.Add(new Sample([Term, Number], true, 1.2));
        }
        samples.AddRange(Repeat(3, 1.2, false, Term));
        string path = Write(_dir, "plain.speedscope.json", Speedscope((7, samples.ToArray())));

        var trace = PlainTraceReader.Read(path);

        Assert.Equal("ms", trace.Unit);
        Assert.Equal(1.2, trace.ReadingWeight, 6);
        Assert.Equal("dotnet-trace's sampled thread time (Microsoft.Diagnostics.Tracing.TraceEvent@3.1.23.0)", trace.Source);
        var term = Assert.Single(trace.Stacks, s => s.State == "CPU_TIME" && s.Frames[^1] == Term);
        Assert.Equal(24, term.Weight, 6);
        Assert.Equal(["Process64 dotnet (4242) Args: App.dll", "(Non-Activities)", "Threads", "Thread (7)", Term], term.Frames);
        Assert.Equal("Thread (7)", term.Thread);
        Assert.Equal(24, Assert.Single(trace.Stacks, s => s.Frames[^1] == Number).Weight, 6);
        Assert.Equal(3.6, Assert.Single(trace.Stacks, s => s.State == "UNMANAGED_CODE_TIME").Weight, 6);
    }

    [Theory]
    [InlineData(new[] { 1.0, 1.1, 0.9, 1.0, 2.0, 3.1, 1.0, 5.0 }, 1.0)]
    [InlineData(new[] { 1.25 }, 1.25)]
    [InlineData(new[] { 1.2, 1.3, 2.5, 2.4, 3.6, 1.2, 1.3 }, 1.25)]
    [InlineData(new double[0], 0)]
    public void The_interval_is_the_median_of_the_single_sample_runs(double[] runs, double expected) =>
        Assert.Equal(expected, PlainTraceReader.EstimateInterval(runs), 6);

    [Fact]
    public void A_sampled_profile_reads_as_counts_with_its_waiting_leaves_as_states()
    {
        var builder = new ProfileBuilder();
        var main = new ProfileThread(1, "main");
        builder.AddStack(main, [new Frame("App.Main"), new Frame("App.Parse")], 30);
        builder.AddStack(main, [new Frame("App.Main"), Frame.Blocked], 5);
        string path = Path.Combine(_dir, "other.pb.gz");
        builder.Build(new ProfileMetadata(ProfileMode.Wall, 1000, TimeSpan.FromSeconds(1))).Save(path);

        var trace = PlainTraceReader.Read(path);

        Assert.Equal("samples", trace.Unit);
        Assert.Equal(1, trace.ReadingWeight);
        Assert.Equal("other.pb.gz, wall samples", trace.Source);
        Assert.Equal(30, Assert.Single(trace.Stacks, s => s.State is null).Weight);
        Assert.Equal(["App.Main"], Assert.Single(trace.Stacks, s => s.State == "[blocked]").Frames);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"$schema":"https://www.speedscope.app/file-format-schema.json","shared":{"frames":[{"name":"a"}]},"profiles":[{"type":"evented","name":"t","unit":"milliseconds","events":[{"type":"O","frame":0,"at":1},{"type":"C","frame":0,"at":2}]}]}""", "no sample ends in CPU_TIME")]
    [InlineData("""{"$schema":"https://www.speedscope.app/file-format-schema.json","shared":{"frames":[{"name":"a"},{"name":"CPU_TIME"}]},"profiles":[{"type":"evented","name":"t","unit":"milliseconds","events":[{"type":"O","frame":0,"at":1},{"type":"C","frame":1,"at":2}]}]}""", "not the innermost open one")]
    [InlineData("""{"$schema":"https://www.speedscope.app/file-format-schema.json","shared":{"frames":[{"name":"a"}]},"profiles":[{"type":"evented","name":"t","unit":"bytes","events":[]}]}""", "measures time")]
    [InlineData("""{"$schema":"https://www.speedscope.app/file-format-schema.json","shared":{"frames":[{"name":"a"}]},"profiles":[{"type":"evented","name":"t","unit":"milliseconds","events":[{"type":"O","frame":5,"at":1}]}]}""", "is not a frame")]
    public void A_damaged_trace_is_refused_with_what_is_wrong(string content, string message)
    {
        string path = Write(_dir, "bad.speedscope.json", content);
        var error = Assert.Throws<FormatException>(() => PlainTraceReader.Read(path));
        Assert.Contains(message, error.Message);
    }
}
