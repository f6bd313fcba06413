using HybridProf.EndToEnd.Tests;
using HybridProf.Formats;
using HybridProf.Model;

namespace HybridProf.Cli.Tests;

/// <summary>
/// A timeline asked of a profile without per-call timings (every file the tool can read, and
/// every sampled recording) is refused in one line, with no file, instead of an empty trace
/// and exit code 0. Needs only the built command.
/// </summary>
public sealed class TimelineRefusalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hybridprof-timeline-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("out.trace.json", "", "out.trace.json")]
    [InlineData("out.json", "--format timeline", "out.trace.json")]
    public void Convert_of_a_sampled_profile_to_a_timeline_is_refused_and_writes_nothing(string outputName, string formatOption, string appOutput)
    {
        string input = Path.Combine(_folder, "sampled.pb.gz");
        Sampled().Save(input);
        string output = Path.Combine(_folder, outputName);

        var convert = ProcessRunner.Run("dotnet", $"\"{Cli.CliPath}\" convert \"{input}\" -o \"{output}\" {formatOption}", _folder, timeout: TimeSpan.FromMinutes(2));

        Assert.Equal(1, convert.ExitCode);
        string line = Assert.Single(convert.StderrLines);
        Assert.StartsWith($"hybridprof: {output}: no timeline to write", line);
        Assert.Contains("deterministic", line);
        Assert.Contains($"HYBRIDPROF_OUTPUT={appOutput}", line);
        Assert.False(File.Exists(output), "convert wrote an empty timeline");
        Assert.Empty(Directory.GetFiles(_folder, "out.*"));
    }

    private static Profile Sampled()
    {
        var builder = new ProfileBuilder();
        builder.AddStack(new ProfileThread(1, "main"), [new Frame("Shop.Main"), new Frame("Shop.Checkout")], 40);
        return builder.Build(new ProfileMetadata(ProfileMode.Cpu, 100, TimeSpan.FromSeconds(1)));
    }
}
