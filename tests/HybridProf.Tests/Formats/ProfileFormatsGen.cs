using System.Globalization;
using CsCheck;
using HybridProf.Formats.Collapsed;
using HybridProf.Formats;
using HybridProf.Model;

namespace HybridProf.Tests.Formats;

/// <summary>Random profiles and the helpers the pprof, speedscope and format tests share.</summary>
internal static class ProfileFormatsGen
{
    private static readonly Gen<string> FrameName = Gen.OneOf(
        Gen.String[Gen.Char.AlphaNumeric, 1, 10],
        Gen.OneOfConst("Shop.Cache<TKey, TValue>.Get", "Type..ctor", "Shop.Parse(string)", "ü.Ωmega 😀", "a;b", "[GC]", "quote\"back\\slash", "tab\tline\nbreak"));

    private static readonly Gen<Frame> AnyFrame = Gen.Select(
        FrameName,
        Gen.OneOfConst<string?>(null, "src/Shop/Shop.cs", "C:\\src\\ü.cs"),
        Gen.OneOf(Gen.Const(0), Gen.Int[1, 100_000]),
        (name, file, line) => new Frame(name, file, line));

    private static readonly Gen<ProfileThread> AnyThread = Gen.Select(
        Gen.Int[0, 40],
        Gen.OneOfConst("main", "worker", ".NET TP Worker", "[GC]", "ü thread"),
        (id, name) => new ProfileThread(id, name));

    private static readonly Gen<ProfileMetadata> AnyMetadata = Gen.Select(
        Gen.Enum<ProfileMode>(),
        Gen.Int[1, 10_000],
        Gen.Long[0, TimeSpan.FromHours(3).Ticks],
        Gen.Long[0, 1000],
        (mode, rate, ticks, missed) => new ProfileMetadata(mode, mode == ProfileMode.Deterministic ? 0 : rate, TimeSpan.FromTicks(ticks), missed));

    /// <summary>Profiles of 1–4 threads and 1–10 frames, up to 25 stacks of 1–8 frames (recursion included).</summary>
    public static readonly Gen<Profile> Profiles = Gen.Select(
            AnyFrame.Array[1, 10],
            AnyThread.Array[1, 4],
            Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 1000].Array[1, 8], Gen.Long[1, 1_000_000_000_000]).Array[0, 25],
            AnyMetadata)
        .Select(x =>
        {
            var (frames, threads, stacks, metadata) = x;
            var builder = new ProfileBuilder();
            foreach (var (thread, stack, weight) in stacks)
                builder.AddStack(threads[thread % threads.Length], stack.Select(f => frames[f % frames.Length]), weight);
            return builder.Build(metadata);
        });

    /// <summary>Every stack on one line, thread, frames with file and line, weight, sorted: equal text, equal profiles.</summary>
    public static string Canonical(Profile profile, bool threadIds = true) => string.Join(
        "\n",
        profile.Stacks
            .Select(s =>
            {
                var thread = profile.Threads[s.Thread];
                string frames = string.Join(" > ", s.Frames.Select(f => profile.Frames[f]).Select(f => $"{f.Name} @{f.File}:{f.Line}"));
                return $"[{(threadIds ? thread.Id.ToString(CultureInfo.InvariantCulture) + " " : "")}{thread.Name}] {frames} = {s.Samples}";
            })
            .OrderBy(l => l, StringComparer.Ordinal));

    public static byte[] Bytes(IProfileWriter writer, Profile profile)
    {
        using var stream = new MemoryStream();
        writer.Write(profile, stream);
        return stream.ToArray();
    }

    public static Profile Read(IProfileReader reader, byte[] bytes) => reader.Read(new MemoryStream(bytes));

    /// <summary>The profile as collapsed lines, the project's common currency for comparisons.</summary>
    public static string Collapsed(Profile profile) => WrittenProfile.Text(new CollapsedWriter(), profile);

    /// <summary>
    /// Reads damaged input: it may succeed or throw a FormatException, nothing else, and the
    /// reader's work stays bounded by the input (<see cref="BoundedRead"/>).
    /// </summary>
    public static void ParsesOrRefuses(IProfileReader reader, byte[] bytes, string what)
    {
        try
        {
            BoundedRead.Read(reader, bytes, what);
        }
        catch (FormatException)
        {
        }
        catch (Exception e)
        {
            Assert.Fail($"{what}: {e.GetType().Name} instead of FormatException: {e}");
        }
    }
}
