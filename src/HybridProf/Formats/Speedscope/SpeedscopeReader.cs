using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using HybridProf.Model;
using static HybridProf.Formats.Speedscope.SpeedscopeJson;
using S = HybridProf.Formats.Speedscope.SpeedscopeSchema;

namespace HybridProf.Formats.Speedscope;

/// <summary>
/// Reads speedscope files with <c>sampled</c> profiles (as HybridProf and many tools write them)
/// into a profile: one thread per profile, named after it, with its position in the file as id.
/// Unit <c>none</c> or <c>bytes</c> gives a sampling profile (mode cpu: the file does not say
/// more); a time unit gives a deterministic profile in nanoseconds. Rate and duration are not in
/// the format and read as 0. Weights are rounded to whole numbers and zero weights left out; an
/// empty stack counts under <c>[unknown]</c>. Evented profiles are refused with a clear message.
/// </summary>
public sealed class SpeedscopeReader : IProfileReader
{
    private static readonly Frame Unknown = new("[unknown]");

    /// <inheritdoc />
    public Profile Read(Stream input)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(input, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw Error("not valid JSON: " + e.Message);
        }
        using (document)
            return ToProfile(document.RootElement);
    }

    private static Profile ToProfile(JsonElement root)
    {
        Expect(root, JsonValueKind.Object, "the file");
        string schema = RequiredString(root, S.SchemaProperty, "");
        if (schema != S.SchemaUrl)
            throw Error($"$schema is \"{schema}\", not \"{S.SchemaUrl}\"");
        var frames = ReadFrames(Required(Required(root, S.Shared, JsonValueKind.Object, ""), S.Frames, JsonValueKind.Array, S.Shared));

        var builder = new ProfileBuilder();
        long total = 0;
        string? unit = null;
        int i = 0;
        foreach (var profile in Required(root, S.Profiles, JsonValueKind.Array, "").EnumerateArray())
        {
            string path = $"profiles[{i}]";
            Expect(profile, JsonValueKind.Object, path);
            string type = RequiredString(profile, S.Type, path);
            if (type != S.Sampled)
                throw Error($"{path} is of type '{type}'; HybridProf reads only '{S.Sampled}' profiles");
            string thisUnit = RequiredString(profile, S.Unit, path);
            if (unit is not null && thisUnit != unit)
                throw Error($"{path} has unit '{thisUnit}' but an earlier profile has '{unit}'");
            unit = thisUnit;
            string name = RequiredString(profile, S.Name, path);
            ReadSamples(builder, builder.AddThread(new ProfileThread(i, name)), profile, frames, NanosPer(thisUnit, path), path, ref total);
            i++;
        }
        var mode = unit is null or "none" or "bytes" ? ProfileMode.Cpu : ProfileMode.Deterministic;
        return builder.Build(new ProfileMetadata(mode, 0, TimeSpan.Zero));
    }

    private static Frame[] ReadFrames(JsonElement array)
    {
        var frames = new List<Frame>();
        foreach (var item in array.EnumerateArray())
        {
            string path = $"shared.frames[{frames.Count}]";
            Expect(item, JsonValueKind.Object, path);
            string name = RequiredString(item, S.Name, path);
            string? file = OptionalString(item, S.File, path);
            int line = Optional(item, S.Line, JsonValueKind.Number, path) is { } l ? (int)Math.Min(int.MaxValue, Math.Round(NonNegative(l, path + ".line"))) : 0;
            frames.Add(new Frame(name, file, line));
        }
        return frames.ToArray();
    }

    // total: the weight read so far, across profiles.
    private static void ReadSamples(ProfileBuilder builder, int thread, JsonElement profile, Frame[] frames, long scale, string path, ref long total)
    {
        var samples = Required(profile, S.Samples, JsonValueKind.Array, path);
        var weights = Required(profile, S.Weights, JsonValueKind.Array, path);
        if (samples.GetArrayLength() != weights.GetArrayLength())
            throw Error($"{path} has {samples.GetArrayLength()} samples but {weights.GetArrayLength()} weights");
        Required(profile, S.StartValue, JsonValueKind.Number, path);
        Required(profile, S.EndValue, JsonValueKind.Number, path);

        int s = 0;
        var stack = new List<int>();
        using var weight = weights.EnumerateArray().GetEnumerator();
        foreach (var sample in samples.EnumerateArray())
        {
            weight.MoveNext();
            long value = Weight(weight.Current, scale, $"{path}.weights[{s}]");
            string samplePath = $"{path}.samples[{s++}]";
            Expect(sample, JsonValueKind.Array, samplePath);
            stack.Clear();
            foreach (var index in sample.EnumerateArray())
                stack.Add(Index(index, frames.Length, $"{samplePath}[{stack.Count}]"));
            if (value < 1)
                continue;
            // Every sum of weights (merged stacks, totals) must fit: bounding the grand total bounds them all.
            if (value > long.MaxValue - total)
                throw Error("the weights add up to more than 2^63");
            total += value;
            builder.AddStack(thread, stack.Count == 0 ? new[] { builder.AddFrame(Unknown) } : stack.ConvertAll(f => builder.AddFrame(frames[f])), value);
        }
    }

    private static long NanosPer(string unit, string path) => unit switch
    {
        "none" or "bytes" => 1,
        "nanoseconds" => 1,
        "microseconds" => 1_000,
        "milliseconds" => 1_000_000,
        "seconds" => 1_000_000_000,
        _ => throw Error($"{path}.unit '{unit}' is not a speedscope unit (none, nanoseconds, microseconds, milliseconds, seconds, bytes)"),
    };
}
