using HybridProf.EndToEnd.Tests;
using HybridProf.Formats;
using HybridProf.Formats.Pprof;
using HybridProf.Model;

namespace HybridProf.Cli.Tests;

/// <summary>
/// <c>report</c> and <c>convert</c> on damaged files: one line on stderr naming the file and what
/// is wrong, exit code 1, no stack trace and no output file. Needs only the built command.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hybridprof-hostile-").FullName;

    public static TheoryData<string, string> DamagedFiles => new()
    {
        { "cut.pb.gz", "pprof: the gzip data is truncated or corrupt" },
        { "corrupt.speedscope.json", "speedscope: profiles[0].samples[0][0] is 7, not an index below 2" },
    };

    [Theory]
    [MemberData(nameof(DamagedFiles))]
    public void Report_names_the_file_and_the_damage_in_one_line(string name, string problem)
    {
        string path = Damaged(name);
        var report = Run($"report \"{path}\"");
        AssertOneClearLine(report, path, problem);
    }

    [Theory]
    [MemberData(nameof(DamagedFiles))]
    public void Convert_names_the_file_and_the_damage_in_one_line_and_writes_nothing(string name, string problem)
    {
        string path = Damaged(name);
        string output = Path.Combine(_folder, "out.svg");
        var convert = Run($"convert \"{path}\" -o \"{output}\"");
        AssertOneClearLine(convert, path, problem);
        Assert.False(File.Exists(output), "convert wrote an output file");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void AssertOneClearLine(ProcessRunner.Result result, string path, string problem)
    {
        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.Equal($"hybridprof: {path}: ", line[..($"hybridprof: {path}: ".Length)]);
        Assert.Contains(problem, line);
        Assert.DoesNotContain("Exception", result.Stderr);
        Assert.DoesNotContain(" at ", result.Stderr);
    }

    private static ProcessRunner.Result Run(string arguments) =>
        ProcessRunner.Run("dotnet", $"\"{Cli.CliPath}\" {arguments}", Path.GetTempPath(), timeout: TimeSpan.FromMinutes(2));

    private string Damaged(string name)
    {
        var builder = new ProfileBuilder();
        var thread = new ProfileThread(1, "main");
        builder.AddStack(thread, new[] { new Frame("Shop.Main"), new Frame("Shop.Checkout") }, 40);
        var profile = builder.Build(new ProfileMetadata(ProfileMode.Cpu, 100, TimeSpan.FromSeconds(1)));
        string path = Path.Combine(_folder, name);
        if (name.EndsWith(".pb.gz", StringComparison.Ordinal))
        {
            // Cut in the middle, as a copy from a device that was interrupted.
            using var stream = new MemoryStream();
            new PprofWriter().Write(profile, stream);
            File.WriteAllBytes(path, stream.ToArray()[..(int)(stream.Length / 2)]);
        }
        else
        {
            // Well-formed JSON whose sample points at a frame that does not exist.
            profile.Save(path);
            string text = File.ReadAllText(path);
            int samples = text.IndexOf("\"samples\":[[", StringComparison.Ordinal) + "\"samples\":[[".Length;
            File.WriteAllText(path, text[..samples] + "7" + text[(text.IndexOfAny(new[] { ',', ']' }, samples))..]);
        }
        return path;
    }
}
