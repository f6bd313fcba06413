using CsCheck;
using HybridProf.Formats.Pprof;
using HybridProf.Formats;
using HybridProf.Model;

namespace HybridProf.Tests.Formats;

/// <summary>
/// Every reader, fed files our writers made from random profiles and then cut short or with
/// bytes changed, either reads a profile every writer can write again, or refuses it with one
/// FormatException of one line: never another exception, never a hang, never a large allocation.
/// </summary>
public class DamagedFileTests
{
    /// <summary>Every readable format of the table, so a new one is fed damage too, and pprof without its gzip layer.</summary>
    public static TheoryData<string> Readable => new(ProfileFormats.All.Where(f => f.CanRead).Select(f => f.Id).Append(UncompressedPprof));

    private const string UncompressedPprof = "pprof-uncompressed";

    [Theory]
    [MemberData(nameof(Readable))]
    public void Random_profiles_cut_short_or_with_changed_bytes_are_read_sanely_or_refused(string format)
    {
        var (write, reader) = Codec(format);
        var damage = Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Select(Gen.Int[0, int.MaxValue], Gen.Byte[1, 255]).Array[1, 4]);
        Gen.Select(ProfileFormatsGen.Profiles, damage).Sample((profile, d) =>
        {
            var (kind, cut, edits) = d;
            byte[] bytes = write(profile);
            if (bytes.Length == 0)
                return;
            // 0: cut short; 1: bytes changed; 2: both.
            if (kind != 1)
                bytes = bytes.AsSpan(0, cut % bytes.Length).ToArray();
            if (kind != 0 && bytes.Length > 0)
            {
                foreach (var (at, flip) in edits)
                    bytes[at % bytes.Length] ^= flip;
            }
            ReadsSanelyOrRefuses(reader, bytes, $"{format}, damage {kind}, cut {cut}, edits {string.Join(" ", edits)}");
        }, iter: 600);
    }

    private static (Func<Profile, byte[]> Write, IProfileReader Reader) Codec(string format)
    {
        // Gzip's checksum catches most damage; without it the damage reaches the protobuf decoder.
        if (format == UncompressedPprof)
            return (p => new PprofWriter().Encode(p).ToArray(), new PprofReader());
        var row = ProfileFormats.FromId(format) ?? throw new ArgumentOutOfRangeException(nameof(format));
        return (p => ProfileFormatsGen.Bytes(row.CreateWriter(), p), row.CreateReader());
    }

    /// <summary>Reads damaged input: a sane profile or one clear FormatException, with work bounded by the input (<see cref="BoundedRead"/>).</summary>
    internal static void ReadsSanelyOrRefuses(IProfileReader reader, byte[] bytes, string what)
    {
        Profile profile;
        try
        {
            // A damaged length or count must not make the reader allocate or loop on it.
            profile = BoundedRead.Read(reader, bytes, what);
        }
        catch (FormatException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message), $"{what}: an empty message");
            Assert.DoesNotContain('\n', e.Message);
            return;
        }
        catch (Exception e)
        {
            Assert.Fail($"{what}: {e.GetType().Name} instead of FormatException: {e}");
            return;
        }
        AssertSane(profile, what);
    }

    /// <summary>A profile the rest of the tool can use: valid indices, positive weights that add up, writable in every format.</summary>
    internal static void AssertSane(Profile profile, string what)
    {
        long total = 0;
        foreach (var stack in profile.Stacks)
        {
            Assert.True(stack.Samples > 0, $"{what}: a stack of weight {stack.Samples}");
            Assert.NotEmpty(stack.Frames);
            Assert.InRange(stack.Thread, 0, profile.Threads.Count - 1);
            Assert.All(stack.Frames, f => Assert.InRange(f, 0, profile.Frames.Count - 1));
            total = checked(total + stack.Samples);
        }
        Assert.All(profile.Frames, f => Assert.False(string.IsNullOrEmpty(f.Name), $"{what}: a frame without a name"));
        foreach (var format in ProfileFormats.All)
        {
            if (format == ProfileFormat.Timeline)
                continue; // deterministic timings only; a read profile has none
            using var output = new MemoryStream();
            ProfileFormats.Writer(format).Write(profile, output);
        }
    }
}

/// <summary>Files made to hurt a reader: each is refused quickly, saying why.</summary>
public class HostileFileTests
{
    [Fact]
    public void Folded_counts_that_add_up_past_the_largest_long_are_refused()
    {
        // Found by the damaged-file tests' sanity check: the merged stack's weight wrapped negative.
        var e = Assert.Throws<FormatException>(() => ProfileFormatsGen.Read(ProfileFormats.Reader(ProfileFormat.Collapsed),
            System.Text.Encoding.UTF8.GetBytes("a 9223372036854775807\na 1\n")));
        Assert.Equal("line 2: the counts add up to more than 2^63", e.Message);
    }

    [Fact]
    public void A_speedscope_value_quoted_in_an_error_cannot_break_its_line()
    {
        // Found by the damaged-file tests (seed 9rF_luZH0Q91): a changed byte put a newline in a
        // value the error quotes.
        string schema = "bad\\n" + new string('x', 1000);
        var e = Assert.Throws<FormatException>(() => ProfileFormatsGen.Read(ProfileFormats.Reader(ProfileFormat.Speedscope),
            System.Text.Encoding.UTF8.GetBytes("{\"$schema\":\"" + schema + "\"}")));
        Assert.StartsWith("speedscope: $schema is \"bad\\u000axxx", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.True(e.Message.Length < 400, e.Message);
    }

    [Fact]
    public void A_pprof_location_of_many_lines_referenced_again_and_again_is_refused_before_it_is_expanded()
    {
        // A probe of 4 MB of this shape (200 samples) stood for four billion frames: reading it took
        // minutes before the bound. This one is smaller, so building it stays cheap.
        byte[] file = AmplifyingPprof(samples: 20, referencesPerSample: 20_000);
        DamagedFileTests.ReadsSanelyOrRefuses(new PprofReader(), file, "amplifying pprof");
        var e = Assert.Throws<FormatException>(() => ProfileFormatsGen.Read(new PprofReader(), file));
        Assert.Equal("pprof: a sample's stack is deeper than 100000 frames", e.Message);
    }

    [Fact]
    public void Many_deep_pprof_samples_that_together_hold_too_many_frames_are_refused()
    {
        // Each stack stays under the depth bound; together they stand for far more frames than the file holds.
        byte[] file = AmplifyingPprof(samples: 100, referencesPerSample: 90);
        DamagedFileTests.ReadsSanelyOrRefuses(new PprofReader(), file, "many deep samples");
        var e = Assert.Throws<FormatException>(() => ProfileFormatsGen.Read(new PprofReader(), file));
        Assert.StartsWith("pprof: the samples' stacks hold more than ", e.Message);
    }

    /// <summary>
    /// A pprof whose one location holds 1,000 lines (inlined frames), referenced
    /// <paramref name="referencesPerSample"/> times by each of <paramref name="samples"/> samples:
    /// a small file that stands for a huge number of frames.
    /// </summary>
    private static byte[] AmplifyingPprof(int samples, int referencesPerSample)
    {
        var p = new ProtoWriter();
        p.WriteMessage(1, PprofRoundTripTests.Message(m => { m.WriteInt64(1, 1); m.WriteInt64(2, 2); }));
        long[] references = Enumerable.Repeat(1L, referencesPerSample).ToArray();
        for (int s = 0; s < samples; s++)
            p.WriteMessage(2, PprofRoundTripTests.Message(m => { m.WritePacked(1, references); m.WritePacked(2, new long[] { 1 }); }));
        p.WriteMessage(4, PprofRoundTripTests.Message(m =>
        {
            m.WriteInt64(1, 1);
            for (int line = 0; line < 1000; line++)
                m.WriteMessage(4, PprofRoundTripTests.Message(l => l.WriteInt64(1, 1)));
        }));
        p.WriteMessage(5, PprofRoundTripTests.Message(m => { m.WriteInt64(1, 1); m.WriteInt64(2, 3); }));
        foreach (string text in new[] { "", "samples", "count", "f" })
            p.WriteString(6, text);
        return PprofRoundTripTests.Gzip(p.ToArray());
    }
}
