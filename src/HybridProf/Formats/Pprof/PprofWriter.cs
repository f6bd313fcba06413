using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using HybridProf.Model;
using S = HybridProf.Formats.Pprof.PprofSchema;

namespace HybridProf.Formats.Pprof;

/// <summary>
/// Writes a gzip-compressed <c>perftools.profiles.Profile</c> (<c>.pb.gz</c>) for
/// <c>go tool pprof</c>, Pyroscope, Grafana and Parca. Sampling profiles carry two values per
/// sample, <c>samples/count</c> and <c>cpu/nanoseconds</c> (or <c>wall/nanoseconds</c>) derived
/// from the rate; deterministic profiles one, <c>time/nanoseconds</c>. Each sample lists its
/// locations leaf first, as pprof requires, and carries the labels <c>thread</c> (name) and,
/// unless it is 0, <c>thread_id</c> (number). One location and one function per frame, with
/// name, file and line; no system name, which pprof would try to demangle. A comment keeps the
/// mode, rate and missed ticks, and a second one the program's name when it is known.
/// </summary>
public sealed class PprofWriter : IProfileWriter
{
    /// <summary>The comment that carries what pprof has no field for, e.g. <c>hybridprof mode=cpu rate_hz=100 missed_ticks=0</c>.</summary>
    internal const string CommentPrefix = "hybridprof ";

    /// <summary>
    /// Starts the comment naming the program, e.g. <c>hybridprof program=Shop Api</c>: a comment
    /// of its own, as a name may hold spaces and the first comment is parsed by spaces.
    /// </summary>
    internal const string ProgramCommentPrefix = CommentPrefix + "program=";

    private const long NanosPerTick = 100;

    /// <summary>A writer stamping profiles with <paramref name="startTime"/>.</summary>
    /// <param name="startTime">
    /// When the collection started (<c>time_nanos</c>). Default: the time of writing minus the
    /// profile's duration, since profiles are written when they stop. Pass a fixed value for
    /// reproducible output.
    /// </param>
    public PprofWriter(DateTimeOffset? startTime = null)
    {
        StartTime = startTime;
    }

    /// <summary>The collection start written into profiles, or null for "now minus the duration".</summary>
    public DateTimeOffset? StartTime { get; }

    /// <inheritdoc />
    public void Write(Profile profile, Stream output)
    {
        var message = Encode(profile);
        // On-disk, the serialized proto must be gzip-compressed (profile.proto).
        using var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
        message.WriteTo(gzip);
    }

    /// <summary>The uncompressed <c>Profile</c> message.</summary>
    internal ProtoWriter Encode(Profile profile)
    {
        var strings = new PprofStrings();
        var metadata = profile.Metadata;
        var sampling = PprofSampleTypes.For(metadata);

        var body = new ProtoWriter();
        foreach (var (type, unit) in sampling.Types)
            body.WriteMessage(S.Profile.SampleType, ValueType(strings, type, unit));
        foreach (var stack in profile.Stacks)
            body.WriteMessage(S.Profile.Sample, Sample(strings, profile, stack, sampling));
        for (int i = 0; i < profile.Frames.Count; i++)
            body.WriteMessage(S.Profile.Location, Location(i + 1, profile.Frames[i]));
        for (int i = 0; i < profile.Frames.Count; i++)
            body.WriteMessage(S.Profile.Function, Function(strings, i + 1, profile.Frames[i]));

        // Every string must be interned before the table is written, so the later fields' strings come first.
        var period = sampling.PeriodNanos > 0 ? ValueType(strings, sampling.PeriodType, "nanoseconds") : null;
        long comment = strings[Comment(metadata)];
        long? program = string.IsNullOrEmpty(metadata.Program) ? null : strings[ProgramCommentPrefix + metadata.Program];

        foreach (string s in strings.All)
            body.WriteString(S.Profile.StringTable, s);
        body.WriteInt64(S.Profile.TimeNanos, UnixNanos(StartTime ?? DateTimeOffset.UtcNow - metadata.Duration));
        body.WriteInt64(S.Profile.DurationNanos, metadata.Duration.Ticks * NanosPerTick);
        if (period is not null)
        {
            body.WriteMessage(S.Profile.PeriodType, period);
            body.WriteInt64(S.Profile.Period, sampling.PeriodNanos);
        }
        body.WritePacked(S.Profile.Comment, program is { } p ? new[] { comment, p } : new[] { comment });
        return body;
    }

    internal static string Comment(ProfileMetadata metadata) =>
        FormattableString.Invariant($"{CommentPrefix}mode={metadata.Mode.ToString().ToLowerInvariant()} rate_hz={metadata.RateHz} missed_ticks={metadata.MissedTicks} observations={metadata.Observations} folded_methods={metadata.FoldedMethods} guarded_methods={metadata.GuardedMethods}");

    private static ProtoWriter ValueType(PprofStrings strings, string type, string unit)
    {
        var w = new ProtoWriter();
        w.WriteInt64(S.ValueType.Type, strings[type]);
        w.WriteInt64(S.ValueType.Unit, strings[unit]);
        return w;
    }

    private static ProtoWriter Sample(PprofStrings strings, Profile profile, ProfileStack stack, PprofSampleTypes sampling)
    {
        var w = new ProtoWriter();
        // Frames are root first in the model; pprof wants the leaf at location_id[0].
        w.WritePacked(S.Sample.LocationId, stack.Frames.Reverse().Select(f => (long)f + 1).ToArray());
        w.WritePacked(S.Sample.Value, sampling.Values(stack.Samples));
        var thread = profile.Threads[stack.Thread];
        var name = new ProtoWriter();
        name.WriteInt64(S.Label.Key, strings[PprofSampleTypes.ThreadLabel]);
        name.WriteInt64(S.Label.Str, strings[thread.Name]);
        w.WriteMessage(S.Sample.Label, name);
        // Synthetic threads such as [GC] have id 0, which proto3 cannot tell from "no number".
        if (thread.Id != 0)
        {
            var id = new ProtoWriter();
            id.WriteInt64(S.Label.Key, strings[PprofSampleTypes.ThreadIdLabel]);
            id.WriteInt64(S.Label.Num, thread.Id);
            w.WriteMessage(S.Sample.Label, id);
        }
        return w;
    }

    private static ProtoWriter Location(long id, Frame frame)
    {
        var line = new ProtoWriter();
        line.WriteInt64(S.Line.FunctionId, id);
        line.WriteInt64(S.Line.LineNumber, frame.Line);
        var w = new ProtoWriter();
        w.WriteInt64(S.Location.Id, id);
        w.WriteMessage(S.Location.Line, line);
        return w;
    }

    private static ProtoWriter Function(PprofStrings strings, long id, Frame frame)
    {
        var w = new ProtoWriter();
        w.WriteInt64(S.Function.Id, id);
        w.WriteInt64(S.Function.Name, strings[frame.Name]);
        // system_name stays unset on purpose: a C# method has no mangled name, and pprof treats a
        // system name equal to the name as one still to demangle, stripping what looks like C++
        // template arguments, so Cache<TKey, TValue>.Get would show as Cache.Get.
        w.WriteInt64(S.Function.Filename, strings[frame.File]);
        w.WriteInt64(S.Function.StartLine, frame.Line);
        return w;
    }

    private static long UnixNanos(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.FromUnixTimeSeconds(0).UtcTicks) * NanosPerTick;
}
