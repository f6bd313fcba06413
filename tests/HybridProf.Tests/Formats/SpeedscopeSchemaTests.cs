using System.Text.Json;
using CsCheck;
using HybridProf.Formats.Speedscope;
using HybridProf.Model;

namespace HybridProf.Tests.Formats;

/// <summary>
/// The writer's output checked against speedscope's file-format schema (file-format-schema.json,
/// generated from file-format-spec.ts): required properties, types, enumerations and the
/// invariants the spec states in its comments. No JSON-schema validator is on the package feed,
/// so the schema's rules for the sampled subset are written out here.
/// </summary>
public class SpeedscopeSchemaTests
{
    private static readonly string[] FileRequired = { "$schema", "profiles", "shared" };
    private static readonly string[] FrameRequired = { "name" };
    private static readonly string[] SampledRequired = { "endValue", "name", "samples", "startValue", "type", "unit", "weights" };
    private static readonly string[] Units = { "none", "nanoseconds", "microseconds", "milliseconds", "seconds", "bytes" };

    [Theory]
    [InlineData(ProfileMode.Cpu, "none")]
    [InlineData(ProfileMode.Wall, "none")]
    [InlineData(ProfileMode.Deterministic, "nanoseconds")]
    public void Sample_profile_follows_the_schema(ProfileMode mode, string unit)
    {
        using var doc = JsonDocument.Parse(ProfileFormatsGen.Bytes(new SpeedscopeWriter(), SampleProfiles.Shop(mode)));
        Validate(doc.RootElement);
        var profiles = doc.RootElement.GetProperty("profiles").EnumerateArray().ToArray();
        Assert.Equal(new[] { "main", "worker", "[GC]" }, profiles.Select(p => p.GetProperty("name").GetString()));
        Assert.All(profiles, p => Assert.Equal(unit, p.GetProperty("unit").GetString()));
        Assert.Equal(0, doc.RootElement.GetProperty("activeProfileIndex").GetInt32()); // main is the busiest
        Assert.Equal("hybridprof", doc.RootElement.GetProperty("exporter").GetString());
        var parse = doc.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Shop.Parse(string)");
        Assert.Equal("src/Shop/Parser.cs", parse.GetProperty("file").GetString());
        Assert.Equal(42, parse.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Random_profiles_follow_the_schema()
    {
        ProfileFormatsGen.Profiles.Sample(profile =>
        {
            using var doc = JsonDocument.Parse(ProfileFormatsGen.Bytes(new SpeedscopeWriter(), profile));
            Validate(doc.RootElement);
        }, iter: 200);
    }

    [Fact]
    public void An_empty_profile_follows_the_schema()
    {
        using var doc = JsonDocument.Parse(ProfileFormatsGen.Bytes(new SpeedscopeWriter(), Profile.Empty(new ProfileMetadata(ProfileMode.Cpu, 100, TimeSpan.Zero))));
        Validate(doc.RootElement);
    }

    private static void Validate(JsonElement file)
    {
        Required(file, FileRequired, "file");
        Assert.Equal("https://www.speedscope.app/file-format-schema.json", file.GetProperty("$schema").GetString());
        Kind(file, "name", JsonValueKind.String);
        Kind(file, "exporter", JsonValueKind.String);
        var shared = file.GetProperty("shared");
        Required(shared, new[] { "frames" }, "shared");
        var frames = shared.GetProperty("frames");
        Assert.Equal(JsonValueKind.Array, frames.ValueKind);
        foreach (var frame in frames.EnumerateArray())
        {
            Required(frame, FrameRequired, "frame");
            Kind(frame, "name", JsonValueKind.String);
            Kind(frame, "file", JsonValueKind.String);
            Kind(frame, "line", JsonValueKind.Number);
            Kind(frame, "col", JsonValueKind.Number);
        }

        var profiles = file.GetProperty("profiles");
        Assert.Equal(JsonValueKind.Array, profiles.ValueKind);
        if (file.TryGetProperty("activeProfileIndex", out var active))
            Assert.InRange(active.GetInt32(), 0, Math.Max(0, profiles.GetArrayLength() - 1));
        foreach (var profile in profiles.EnumerateArray())
        {
            Required(profile, SampledRequired, "sampled profile");
            Assert.Equal("sampled", profile.GetProperty("type").GetString());
            Kind(profile, "name", JsonValueKind.String);
            Assert.Contains(profile.GetProperty("unit").GetString(), Units);
            double start = profile.GetProperty("startValue").GetDouble(), end = profile.GetProperty("endValue").GetDouble();
            Assert.True(end >= start, "endValue must be greater than or equal to startValue");
            var samples = profile.GetProperty("samples").EnumerateArray().ToArray();
            var weights = profile.GetProperty("weights").EnumerateArray().ToArray();
            Assert.Equal(samples.Length, weights.Length); // "Should have the same length as the samples array."
            foreach (var stack in samples)
                Assert.All(stack.EnumerateArray(), i => Assert.InRange(i.GetInt32(), 0, frames.GetArrayLength() - 1));
            Assert.All(weights, w => Assert.True(w.GetDouble() > 0));
            Assert.Equal(end - start, weights.Sum(w => w.GetDouble()));
        }
    }

    private static void Required(JsonElement obj, string[] names, string what)
    {
        Assert.Equal(JsonValueKind.Object, obj.ValueKind);
        foreach (string name in names)
            Assert.True(obj.TryGetProperty(name, out _), $"{what} lacks the required property '{name}'");
    }

    // When present, the property has the schema's type.
    private static void Kind(JsonElement obj, string name, JsonValueKind kind)
    {
        if (obj.TryGetProperty(name, out var value))
            Assert.Equal(kind, value.ValueKind);
    }
}
