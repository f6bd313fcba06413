using System.Text.RegularExpressions;
using HybridProf.EndToEnd.Tests;
using HybridProf.Formats;
using HybridProf.Model;
using Xunit.Abstractions;

namespace HybridProf.Cli.Tests;

/// <summary>report, convert and diff on files: no app needed, hand-built profiles with known numbers.</summary>
public sealed class FileCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hybridprof-cli-files-").FullName;
    private readonly ITestOutputHelper _output;

    public FileCommandTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Profile Shop(long parse, long render)
    {
        var builder = new ProfileBuilder();
        var main = new ProfileThread(1, "main");
        builder.AddStack(main, [new Frame("Shop.Main", "Shop.cs", 3), new Frame("Shop.Parse(string)", "Shop.cs", 10)], parse);
        builder.AddStack(main, [new Frame("Shop.Main", "Shop.cs", 3), new Frame("Shop.Render<T>", "Shop.cs", 20)], render);
        builder.AddStack(main, [new Frame("Shop.Main", "Shop.cs", 3)], 100);
        return builder.Build(new ProfileMetadata(ProfileMode.Cpu, 100, TimeSpan.FromSeconds(10)));
    }

    private string Save(Profile profile, string name)
    {
        string path = Path.Combine(_dir, name);
        profile.Save(path);
        return path;
    }

    private ProcessRunner.Result Run(string arguments) => Cli.RunIn(_dir, arguments, _output);

    [Fact]
    public void Report_lists_functions_by_own_time_with_times_at_the_profiles_rate()
    {
        string path = Save(Shop(parse: 700, render: 200), "shop.pb.gz");
        var report = Run($"report \"{path}\" --top 2");
        Assert.Equal(0, report.ExitCode);
        var rows = report.Stdout.Split('\n').Where(l => l.Contains("Shop.")).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Matches(@"70\.00%\s+70\.00%\s+7\.00s\s+7\.00s\s+Shop\.Parse\(string\)\s+Shop\.cs:10", rows[0]);
        Assert.Matches(@"20\.00%\s+20\.00%\s+2\.00s\s+2\.00s\s+Shop\.Render<T>", rows[1]);

        var byTotal = Run($"report \"{path}\" --sort total --top 1");
        Assert.Matches(@"10\.00%\s+100\.00%\s+1\.00s\s+10\.00s\s+Shop\.Main", byTotal.Stdout);
    }

    [Fact]
    public void Report_of_a_missing_or_unreadable_file_is_one_line()
    {
        var missing = Run($"report \"{Path.Combine(_dir, "nope.pb.gz")}\"");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no such file", missing.Stderr);

        string svg = Save(Shop(1, 1), "shop.svg");
        var unreadable = Run($"report \"{svg}\"");
        Assert.Equal(1, unreadable.ExitCode);
        Assert.Contains("cannot read this kind of file", unreadable.Stderr);
    }

    [Theory]
    [InlineData("a.collapsed", "b.pb.gz", "c.speedscope.json", "d.folded")]
    [InlineData("a.pb.gz", "b.speedscope.json", "c.pb.gz", "d.collapsed")]
    public void Convert_round_trips_keep_every_stack(string first, string second, string third, string last)
    {
        string start = Save(Shop(parse: 700, render: 200), first);
        string previous = start;
        foreach (string next in new[] { second, third, last })
        {
            string target = Path.Combine(_dir, next);
            var convert = Run($"convert \"{previous}\" -o \"{target}\"");
            Assert.True(convert.ExitCode == 0, convert.Stderr);
            previous = target;
        }
        Assert.Equal(Folded(ProfileFormats.Read(start)), Folded(ProfileFormats.Read(previous)));
    }

    [Fact]
    public void Convert_writes_the_formats_that_are_not_read_back()
    {
        string start = Save(Shop(parse: 700, render: 200), "s.pb.gz");
        Assert.Equal(0, Run($"convert \"{start}\" -o \"{Path.Combine(_dir, "s.svg")}\"").ExitCode);
        Assert.Contains("Shop.Parse(string)", File.ReadAllText(Path.Combine(_dir, "s.svg")));
        Assert.Equal(0, Run($"convert \"{start}\" -o \"{Path.Combine(_dir, "report.out")}\" --format txt").ExitCode);
        Assert.Contains("Shop.Render<T>", File.ReadAllText(Path.Combine(_dir, "report.out")));
    }

    [Fact]
    public void Diff_colours_growth_red_and_shrinkage_blue_and_summarizes_the_largest_changes()
    {
        // Parse: 70% → 20% of own time; Render: 20% → 70%.
        string before = Save(Shop(parse: 700, render: 200), "before.collapsed");
        string after = Save(Shop(parse: 200, render: 700), "after.pb.gz");
        string svg = Path.Combine(_dir, "diff.svg");
        var diff = Run($"diff \"{before}\" \"{after}\" -o \"{svg}\"");
        Assert.True(diff.ExitCode == 0, diff.Stderr);

        var rows = diff.Stdout.Split('\n').Where(l => l.Contains("Shop.")).ToList();
        Assert.Equal(2, rows.Count); // Main's own share did not change
        Assert.Matches(@"^\s*\+50\.00 pp\s+20\.00%\s+70\.00%\s+Shop\.Render<T>", Assert.Single(rows, r => r.Contains("Render")));
        Assert.Matches(@"^\s*-50\.00 pp\s+70\.00%\s+20\.00%\s+Shop\.Parse\(string\)", Assert.Single(rows, r => r.Contains("Parse")));

        string text = File.ReadAllText(svg);
        Assert.Matches(Box("Shop.Render&lt;T&gt;", "rgb(255,25,25)"), text);
        Assert.Matches(Box("Shop.Parse(string)", "rgb(25,25,255)"), text);
        Assert.Contains("change since base: own +50.00 pp", text);
    }

    [Fact]
    public void Go_tool_pprof_reads_the_pprof_the_cli_writes()
    {
        string start = Save(Shop(parse: 700, render: 200), "go.collapsed");
        string pprof = Path.Combine(_dir, "go.pb.gz");
        Assert.Equal(0, Run($"convert \"{start}\" -o \"{pprof}\"").ExitCode);
        if (!HasGo())
        {
            if (Environment.GetEnvironmentVariable("HYBRIDPROF_ALLOW_NO_GO") == "1")
            {
                _output.WriteLine("SKIPPED: `go` is not installed (apt-get install golang-go); HYBRIDPROF_ALLOW_NO_GO=1 lets this pass.");
                return;
            }
            Assert.Fail("`go` is not on PATH: install golang-go (CI does), or set HYBRIDPROF_ALLOW_NO_GO=1 to run without it.");
        }
        var top = ProcessRunner.Run("go", $"tool pprof -top -sample_index=samples \"{pprof}\"", _dir, timeout: TimeSpan.FromMinutes(3));
        _output.WriteLine(top.Stdout + top.Stderr);
        Assert.Equal(0, top.ExitCode);
        Assert.Matches(@"700\s+70\.00%\s+70\.00%\s+700\s+70\.00%\s+Shop\.Parse\(string\)", top.Stdout);
    }

    private static string Box(string name, string fill) =>
        $"<g class=\"f\"[^>]*><title>{Regex.Escape(name)}\\n[^<]*</title><rect [^>]*fill=\"{Regex.Escape(fill)}\"";

    private static bool HasGo() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "go")));

    private static List<string> Folded(Profile profile) =>
        profile.Stacks.GroupBy(s => string.Join(";", profile.FrameNames(s)))
            .Select(g => $"{g.Key} {g.Sum(s => s.Samples)}").Order(StringComparer.Ordinal).ToList();
}
