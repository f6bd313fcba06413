using HybridProf.Formats;
using HybridProf.Formats.Collapsed;
using HybridProf.Formats.Flamegraph;
using HybridProf.Formats.Pprof;
using HybridProf.Formats.Speedscope;
using HybridProf.Formats.Timeline;
using HybridProf.Model;

namespace HybridProf.Tests.Formats;

/// <summary>Extensions pick formats; every readable format reads back what it wrote, through real files.</summary>
public sealed class ProfileFormatsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"hybridprof-formats-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("out/profile.svg", ProfileFormat.Svg)]
    [InlineData("p.collapsed", ProfileFormat.Collapsed)]
    [InlineData("p.folded", ProfileFormat.Collapsed)]
    [InlineData("report.txt", ProfileFormat.Text)]
    [InlineData("cpu.pb.gz", ProfileFormat.Pprof)]
    [InlineData("CPU.PB.GZ", ProfileFormat.Pprof)]
    [InlineData("run-{pid}.speedscope.json", ProfileFormat.Speedscope)]
    [InlineData("p.json", null)]
    [InlineData("p.gz", null)]
    [InlineData("p.pprof", null)]
    public void The_extension_picks_the_format(string path, ProfileFormat? expected) =>
        Assert.Equal(expected, ProfileFormats.FromPath(path));

    [Fact]
    public void Every_format_has_a_writer_and_the_readable_ones_a_reader()
    {
        Assert.IsType<PprofWriter>(ProfileFormats.Writer(ProfileFormat.Pprof));
        Assert.IsType<SpeedscopeWriter>(ProfileFormats.Writer(ProfileFormat.Speedscope));
        Assert.IsType<FlamegraphWriter>(ProfileFormats.Writer(ProfileFormat.Svg));
        Assert.IsType<PprofReader>(ProfileFormats.Reader(ProfileFormat.Pprof));
        Assert.IsType<SpeedscopeReader>(ProfileFormats.Reader(ProfileFormat.Speedscope));
        foreach (var format in Enum.GetValues<ProfileFormat>())
        {
            Assert.NotNull(ProfileFormats.Writer(format));
            if (ProfileFormats.CanRead(format))
                Assert.NotNull(ProfileFormats.Reader(format));
            else
                Assert.Throws<NotSupportedException>(() => ProfileFormats.Reader(format));
        }
        Assert.Equal(new[] { ProfileFormat.Collapsed, ProfileFormat.Pprof, ProfileFormat.Speedscope }, Enum.GetValues<ProfileFormat>().Where(ProfileFormats.CanRead));
    }

    [Fact]
    public void The_table_has_one_row_per_format_with_its_own_id_and_extensions()
    {
        Assert.Equal(Enum.GetValues<ProfileFormat>(), ProfileFormats.All.Select(f => f.Format).Order());
        Assert.Equal(ProfileFormats.All.Count, ProfileFormats.All.Select(f => f.Id).Distinct().Count());
        foreach (var row in ProfileFormats.All)
        {
            Assert.Equal(row.Format, ProfileFormats.FromId(row.Id.ToUpperInvariant()));
            Assert.Equal(row.Extensions[0], ProfileFormats.Extension(row.Format));
            Assert.All(row.Extensions, e => Assert.Equal(row.Format, ProfileFormats.FromPath("x" + e)));
            Assert.False(string.IsNullOrWhiteSpace(row.Description));
        }
        Assert.Null(ProfileFormats.FromId("gif"));
        Assert.Equal(ProfileFormat.Timeline, ProfileFormats.FromId("timeline"));
        Assert.IsType<TimelineWriter>(ProfileFormats.Writer(ProfileFormat.Timeline));
        Assert.IsType<CollapsedReader>(ProfileFormats.Reader(ProfileFormat.Collapsed));
    }

    [Fact]
    public void Known_extensions_name_every_format()
    {
        foreach (string extension in ProfileFormats.KnownExtensions.Split(", "))
            Assert.NotNull(ProfileFormats.FromPath("x" + extension));
        foreach (string extension in ProfileFormats.ReadableExtensions.Split(", "))
            Assert.True(ProfileFormats.CanRead(ProfileFormats.FromPath("x" + extension)!.Value), extension);
    }

    [Theory]
    [InlineData("shop.collapsed")]
    [InlineData("shop.folded")]
    [InlineData("shop.pb.gz")]
    [InlineData("shop.speedscope.json")]
    public void Saved_files_read_back_to_the_same_stacks(string name)
    {
        var profile = SampleProfiles.Shop();
        string path = Path.Combine(_folder, name);
        profile.Save(path);
        var read = ProfileFormats.Read(path);
        Assert.Equal(ProfileFormatsGen.Collapsed(profile), ProfileFormatsGen.Collapsed(read));
    }

    [Fact]
    public void A_format_can_be_named_whatever_the_extension()
    {
        string path = Path.Combine(_folder, "cpu.prof");
        SampleProfiles.Shop().Save(path, ProfileFormat.Pprof);
        Assert.Equal(11001, ProfileFormats.Read(path, ProfileFormat.Pprof).TotalSamples);
    }

    [Theory]
    [InlineData("profile.svg")]
    [InlineData("report.txt")]
    [InlineData("data.json")]
    public void Files_of_unreadable_kinds_are_refused_naming_the_file(string name)
    {
        string path = Path.Combine(_folder, name);
        Directory.CreateDirectory(_folder);
        File.WriteAllText(path, "x");
        var e = Assert.Throws<FormatException>(() => ProfileFormats.Read(path));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(ProfileFormats.ReadableExtensions, e.Message);
    }

    [Theory]
    [InlineData("bad.collapsed", "a;b x\n", "line 1")]
    [InlineData("bad.pb.gz", "GIF89a", "pprof: invalid wire type")]
    [InlineData("bad.speedscope.json", "{\"shared\":{}}", "speedscope: $schema is missing")]
    public void Malformed_files_are_refused_naming_the_file_and_the_problem(string name, string content, string problem)
    {
        string path = Path.Combine(_folder, name);
        Directory.CreateDirectory(_folder);
        File.WriteAllText(path, content);
        var e = Assert.Throws<FormatException>(() => ProfileFormats.Read(path));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(problem, e.Message);
        Assert.IsType<FormatException>(e.InnerException);
    }

    [Fact]
    public void A_missing_file_is_an_IO_error_not_a_format_error() =>
        Assert.ThrowsAny<IOException>(() => ProfileFormats.Read(Path.Combine(_folder, "missing.pb.gz")));

    [Fact]
    public void Converting_between_formats_keeps_the_stacks()
    {
        var profile = SampleProfiles.Shop(ProfileMode.Wall);
        string pprof = Path.Combine(_folder, "a.pb.gz"), speedscope = Path.Combine(_folder, "b.speedscope.json"), folded = Path.Combine(_folder, "c.folded");
        profile.Save(pprof);
        ProfileFormats.Read(pprof).Save(speedscope);
        ProfileFormats.Read(speedscope).Save(folded);
        Assert.Equal(ProfileFormatsGen.Collapsed(profile), File.ReadAllText(folded));
    }
}
