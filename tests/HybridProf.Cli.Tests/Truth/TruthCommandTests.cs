using HybridProf.EndToEnd.Tests;
using HybridProf.Formats;
using HybridProf.Model;
using Xunit.Abstractions;
using static HybridProf.Cli.Tests.Truth.TraceFiles;

namespace HybridProf.Cli.Tests.Truth;

/// <summary><c>hybridprof truth</c> on files: a dotnet-trace export and a woven profile with known numbers.</summary>
public sealed class TruthCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hybridprof-cli-truth-").FullName;
    private readonly ITestOutputHelper _output;

    public TruthCommandTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Main = "App.Plain!App.Program.Main(class System.String[])";
    private const string Parse = "App.Plain!App.Parser.Parse()";
    private const string Peek = "App.Plain!App.Parser.Peek()";
    private const string Render = "App.Plain!App.Renderer.Render()";

    // The plain build: 600 samples in Parse (400 of them in Peek, which the woven build folds), 400 in Render,
    // 1 ms apart and alternating so that none merge; 200 samples waiting; an idle pool thread.
    private string PlainTrace()
    {
        var main = new List<Sample>();
        for (int i = 0; i < 200; i++)
        {
            main.Add(new Sample([Main, Parse], true, 1));
            main.Add(new Sample([Main, Parse, Peek], true, 1));
            main.Add(new Sample([Main, Render], true, 1));
            main.Add(new Sample([Main, Parse, Peek], true, 1));
            main.Add(new Sample([Main, Render], true, 1));
            main.Add(new Sample([Main, Render], false, 1));
        }
        var pool = Repeat(500, 1, false, "System.Private.CoreLib!System.Threading.PortableThreadPool+WorkerThread.WorkerThreadStart()").ToArray();
        return Write(_dir, "plain.speedscope.json", Speedscope((11, main.ToArray()), (12, pool)));
    }

    private string WovenProfile(long parse, long render)
    {
        var builder = new ProfileBuilder();
        var thread = new ProfileThread(1, "main");
        builder.AddStack(thread, [new Frame("App.Program.Main"), new Frame("App.Parser.Parse")], parse);
        builder.AddStack(thread, [new Frame("App.Program.Main"), new Frame("App.Renderer.Render")], render);
        builder.AddStack(thread, [Frame.GarbageCollection], 10);
        string path = Path.Combine(_dir, "woven.pb.gz");
        builder.Build(new ProfileMetadata(ProfileMode.Cpu, 1000, TimeSpan.FromSeconds(1), Observations: parse + render, FoldedMethods: 1, GuardedMethods: 2)).Save(path);
        return path;
    }

    private ProcessRunner.Result Run(string arguments) => Cli.RunIn(_dir, arguments, _output);

    [Fact]
    public void Prints_both_shares_with_intervals_and_marks_the_rows_that_differ_by_more_than_the_threshold()
    {
        string plain = PlainTrace();
        string woven = WovenProfile(parse: 700, render: 300);

        var result = Run($"truth --plain-trace \"{plain}\" --woven \"{woven}\"");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("plain build: dotnet-trace's sampled thread time (Microsoft.Diagnostics.Tracing.TraceEvent@3.1.23.0); thread Thread (11)", result.Stdout);
        Assert.Contains("compared: 1000 ms of running code", result.Stdout);
        Assert.Contains("about 1000 samples (one every 1.000 ms", result.Stdout);
        Assert.Contains("UNMANAGED_CODE_TIME 200 ms (not running code)", result.Stdout);
        Assert.Contains("1 other thread 500 ms", result.Stdout);
        Assert.Contains("woven build: 1000 cpu samples at 1000 Hz compared; [GC] 1.0% set apart; 1 small method folded into its caller by the size rule; 2 methods marked after their entry guards", result.Stdout);
        // Wilson intervals of 600 and 400 of 1000 readings, 700 and 300 of 1000 samples.
        Assert.Contains("60.00  [ 56.93,  62.99]    70.00  [ 67.09,  72.76]  +10.00    App.Parser.Parse  <- over 3 points", result.Stdout);
        Assert.Contains("40.00  [ 37.01,  43.07]    30.00  [ 27.24,  32.91]  -10.00    App.Renderer.Render  <- over 3 points", result.Stdout);
        Assert.Contains($"{Peek} 40.0%", result.Stdout);
        Assert.Contains("2 of 2 listed functions differ by more than 3 points", result.Stdout);

        var wide = Run($"truth --plain-trace \"{plain}\" --woven \"{woven}\" --threshold 12 --check");
        Assert.Equal(0, wide.ExitCode);
        Assert.Contains("every listed share agrees within 12 points", wide.Stdout);
    }

    [Fact]
    public void Check_fails_naming_each_function_over_the_threshold_and_writes_the_folded_trace_on_request()
    {
        string plain = PlainTrace();
        string woven = WovenProfile(parse: 700, render: 300);
        string folded = Path.Combine(_dir, "plain-folded.collapsed");

        var result = Run($"truth --plain-trace \"{plain}\" --woven \"{woven}\" --check -o \"{folded}\"");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("hybridprof: check failed: App.Parser.Parse is 70.00% woven, 60.00% plain (+10.00 points); App.Renderer.Render is 30.00% woven, 40.00% plain (-10.00 points)", result.Stderr);
        Assert.Equal(
            ["App.Program.Main;App.Parser.Parse 600000", "App.Program.Main;App.Renderer.Render 400000"],
            File.ReadAllLines(folded).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Files_that_are_missing_or_of_another_program_are_one_line()
    {
        string woven = WovenProfile(1, 1);
        var missing = Run($"truth --plain-trace \"{Path.Combine(_dir, "nope.speedscope.json")}\" --woven \"{woven}\"");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("nope.speedscope.json: no such file", missing.Stderr);

        string other = Write(_dir, "other.speedscope.json", Speedscope((3, Repeat(10, 1, true, "Other!Other.Program.Main()").ToArray())));
        var unrelated = Run($"truth --plain-trace \"{other}\" --woven \"{woven}\"");
        Assert.Equal(1, unrelated.ExitCode);
        Assert.Contains("no sampled thread runs code the woven profile shows", unrelated.Stderr);

        string plain = PlainTrace();
        var timeline = Run($"truth --plain-trace \"{plain}\" --woven \"{woven}\" -o \"{Path.Combine(_dir, "t.trace.json")}\"");
        Assert.Equal(1, timeline.ExitCode);
        Assert.Contains("the folded plain trace is samples, not timed calls", timeline.Stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "t.trace.json")));

        var usage = Run($"truth --woven \"{woven}\"");
        Assert.Equal(1, usage.ExitCode);
        Assert.Contains("--plain-trace", usage.Stderr);
    }
}
