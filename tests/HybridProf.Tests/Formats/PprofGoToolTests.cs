using System.Diagnostics;
using System.Text.RegularExpressions;
using HybridProf.Formats;
using HybridProf.Model;
using Xunit.Abstractions;

namespace HybridProf.Tests.Formats;

/// <summary>
/// The real consumer: <c>go tool pprof</c> reads what the writer wrote. Go must be installed
/// (<c>apt-get install golang-go</c>); without it these tests fail, unless
/// <c>HYBRIDPROF_ALLOW_NO_GO=1</c> is set, when they say why in the test output and return.
/// </summary>
[Trait("Category", "External")]
public sealed class PprofGoToolTests : IDisposable
{
    private const string AllowNoGo = "HYBRIDPROF_ALLOW_NO_GO";
    private static readonly Regex TopRow = new(@"^\s*(?<flat>\d+)\s+[\d.]+%\s+[\d.]+%\s+(?<cum>\d+)\s+[\d.]+%\s+(?<name>.+?)\s*$", RegexOptions.Multiline);
    private readonly ITestOutputHelper _output;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hybridprof-{Guid.NewGuid():N}.pb.gz");

    public PprofGoToolTests(ITestOutputHelper output)
    {
        _output = output;
        SampleProfiles.Shop().Save(_path);
    }

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Top_lists_every_function_with_its_own_and_total_samples()
    {
        if (Pprof("-top", "-nodefraction=0", "-sample_index=samples", _path) is not { } top)
            return;
        Assert.Contains("Type: samples", top);
        Assert.Contains("of 11001 total", top);
        var rows = TopRow.Matches(top).ToDictionary(m => m.Groups["name"].Value, m => (Flat: long.Parse(m.Groups["flat"].Value), Cum: long.Parse(m.Groups["cum"].Value)));
        Assert.Equal((5000L, 5000L), rows["Shop.Parse(string)"]);
        Assert.Equal((2500L, 2500L), rows["Shop.Cache<TKey, TValue>.Get"]);
        Assert.Equal((1000L, 8501L), rows["Shop.Checkout"]);
        Assert.Equal((0L, 9001L), rows["Program.Main"]);
        Assert.Equal((800L, 800L), rows["Worker.Fib"]); // recursion counted once
        Assert.Equal((0L, 1200L), rows["Worker.Run"]);
        Assert.Equal((800L, 800L), rows["[GC]"]);
        Assert.Equal((1L, 1L), rows["Shop.Tiny"]);
        Assert.Equal((500L, 500L), rows["Shop.Render<T>"]); // generic names are shown as written
    }

    [Fact]
    public void Cpu_time_is_samples_times_the_period_and_is_the_default_value()
    {
        if (Pprof("-top", "-nodefraction=0", _path) is not { } top)
            return;
        Assert.Contains("Type: cpu", top);
        Assert.Contains("Duration: 112.34s", top);
        Assert.Matches(@"50s\s+45\.45%\s+45\.45%\s+50s\s+45\.45%\s+Shop\.Parse\(string\)", top);
    }

    [Fact]
    public void Lines_and_thread_labels_come_through()
    {
        if (Pprof("-top", "-lines", "-nodefraction=0", "-sample_index=samples", _path) is not { } lines)
            return;
        Assert.Contains("Shop.Parse(string) src/Shop/Parser.cs:42", lines);
        Assert.Contains("Worker.Fib src/Shop/Worker.cs:14", lines);
        string tags = Pprof("-tags", "-sample_index=samples", _path)!;
        Assert.Matches(@"thread: Total 11001\.0\n\s+8001\.0 \(72\.73%\): main\n\s+2200\.0 \(20\.00%\): worker\n\s+800\.0 \( 7\.27%\): \[GC\]", tags);
        Assert.Matches(@"thread_id: Total 10201\.0\n\s+8001\.0 \(78\.43%\): 1\n\s+2200\.0 \(21\.57%\): 7", tags);
    }

    // Runs go tool pprof; null when Go is missing and that is allowed.
    private string? Pprof(params string[] arguments)
    {
        string? go = FindGo();
        if (go is null)
        {
            const string reason = "go is not on PATH, so go tool pprof cannot check the .pb.gz output (apt-get install golang-go)";
            if (Environment.GetEnvironmentVariable(AllowNoGo) == "1")
            {
                _output.WriteLine($"Not checked: {reason}; {AllowNoGo}=1 allows that.");
                return null;
            }
            Assert.Fail($"{reason}. Install Go, or set {AllowNoGo}=1 to let this test pass without it.");
        }

        var start = new ProcessStartInfo(go!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("tool");
        start.ArgumentList.Add("pprof");
        foreach (string a in arguments)
            start.ArgumentList.Add(a);
        // Nothing to symbolize and nowhere to look for binaries: keep pprof local and quiet.
        start.Environment["PPROF_BINARY_PATH"] = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("go tool pprof did not finish in 120 s");
        }
        _output.WriteLine($"$ go tool pprof {string.Join(" ", arguments)}\n{stdout.Result}{stderr.Result}");
        Assert.True(process.ExitCode == 0, $"go tool pprof failed ({process.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }

    private static string? FindGo() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "go.exe" : "go"))
            .FirstOrDefault(File.Exists);
}
