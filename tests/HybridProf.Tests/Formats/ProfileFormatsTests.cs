using System.Reflection;
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
    [InlineData("out/profile.svg", "svg")]
    [InlineData("p.collapsed", "collapsed")]
    [InlineData("p.folded", "collapsed")]
    [InlineData("report.txt", "txt")]
    [InlineData("cpu.pb.gz", "pprof")]
    [InlineData("CPU.PB.GZ", "pprof")]
    [InlineData("run-{pid}.speedscope.json", "speedscope")]
    [InlineData("p.json", null)]
    [InlineData("p.gz", null)]
    [InlineData("p.pprof", null)]
    public void The_extension_picks_the_format(string path, string? expectedId) =>
        Assert.Equal(expectedId is null ? null : ProfileFormats.FromId(expectedId) ?? throw new ArgumentException(expectedId), ProfileFormats.FromPath(path));

    [Fact]
    public void Every_format_has_a_writer_and_the_readable_ones_a_reader()
    {
        Assert.IsType<PprofWriter>(ProfileFormats.Writer(ProfileFormat.Pprof));
        Assert.IsType<SpeedscopeWriter>(ProfileFormats.Writer(ProfileFormat.Speedscope));
        Assert.IsType<FlamegraphWriter>(ProfileFormats.Writer(ProfileFormat.Svg));
        Assert.IsType<PprofReader>(ProfileFormats.Reader(ProfileFormat.Pprof));
        Assert.IsType<SpeedscopeReader>(ProfileFormats.Reader(ProfileFormat.Speedscope));
        foreach (var format in ProfileFormats.All)
        {
            Assert.NotNull(ProfileFormats.Writer(format));
            if (ProfileFormats.CanRead(format))
                Assert.NotNull(ProfileFormats.Reader(format));
            else
                Assert.Throws<NotSupportedException>(() => ProfileFormats.Reader(format));
        }
        Assert.Equal(new[] { ProfileFormat.Collapsed, ProfileFormat.Pprof, ProfileFormat.Speedscope }, ProfileFormats.All.Where(ProfileFormats.CanRead));
    }

    [Fact]
    public void The_table_has_one_row_per_format_with_its_own_id_and_extensions()
    {
        // Every declared format is a row, in the order declared, which is the order help texts list them.
        var declared = typeof(ProfileFormat).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ProfileFormat)).Select(f => (ProfileFormat)f.GetValue(null)!);
        Assert.Equal(declared.OrderBy(f => f.Id), ProfileFormats.All.OrderBy(f => f.Id));
        Assert.Equal(new[] { ProfileFormat.Svg, ProfileFormat.Collapsed, ProfileFormat.Text, ProfileFormat.Pprof, ProfileFormat.Speedscope, ProfileFormat.Timeline }, ProfileFormats.All);
        Assert.Same(ProfileFormat.All, ProfileFormats.All);
        Assert.Equal(ProfileFormats.All.Count, ProfileFormats.All.Select(f => f.Id).Distinct().Count());
        foreach (var row in ProfileFormats.All)
        {
            Assert.Same(row, ProfileFormats.FromId(row.Id.ToUpperInvariant()));
            Assert.Equal(row.Extensions[0], ProfileFormats.Extension(row));
            Assert.All(row.Extensions, e => Assert.Same(row, ProfileFormats.FromPath("x" + e)));
            Assert.Equal(row.Id, row.ToString());
            Assert.False(string.IsNullOrWhiteSpace(row.Description));
        }
        Assert.Null(ProfileFormats.FromId("gif"));
        Assert.Equal(ProfileFormat.Timeline, ProfileFormats.FromId("timeline"));
        Assert.IsType<TimelineWriter>(ProfileFormats.Writer(ProfileFormat.Timeline));
        Assert.IsType<CollapsedReader>(ProfileFormats.Reader(ProfileFormat.Collapsed));
    }

    [Fact]
    public void A_missing_format_is_named_as_the_argument_at_fault()
    {
        Assert.Equal("format", Assert.Throws<ArgumentNullException>(() => ProfileFormats.Writer(null!)).ParamName);
        Assert.Equal("format", Assert.Throws<ArgumentNullException>(() => SampleProfiles.Shop().Save(Path.Combine(_folder, "p.svg"), (ProfileFormat)null!)).ParamName);
    }

    [Fact]
    public void Known_extensions_name_every_format()
    {
        foreach (string extension in ProfileFormats.KnownExtensions.Split(", "))
            Assert.NotNull(ProfileFormats.FromPath("x" + extension));
        foreach (string extension in ProfileFormats.ReadableExtensions.Split(", "))
            Assert.True(ProfileFormats.CanRead(ProfileFormats.FromPath("x" + extension)!), extension);
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
