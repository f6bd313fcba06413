using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using HybridProf.Model;
using S = HybridProf.Formats.Speedscope.SpeedscopeSchema;

namespace HybridProf.Formats.Speedscope;

/// <summary>
/// Writes speedscope's JSON format (<c>.speedscope.json</c>, open at https://www.speedscope.app):
/// all frames once in <c>shared.frames</c> with name, file and line; one <c>sampled</c> profile
/// per thread, named after it, its stacks root first as frame indices with their weights (unit
/// <c>none</c> for sample counts, <c>nanoseconds</c> in deterministic mode). The busiest thread
/// is the one shown first. Output is deterministic: model order, invariant number formatting.
/// </summary>
public sealed class SpeedscopeWriter : IProfileWriter
{
    /// <summary>A writer.</summary>
    /// <param name="name">The file's <c>name</c>, shown as speedscope's title. Default: <c>HybridProf cpu profile</c> (the mode's name), after the program's name when the profile knows it: <c>Shop.Api — HybridProf cpu profile</c>.</param>
    /// <param name="indented">Pretty-print the JSON (for reading and golden files). Default: compact.</param>
    public SpeedscopeWriter(string? name = null, bool indented = false)
    {
        Name = name;
        Indented = indented;
    }

    /// <summary>The file's <c>name</c>, or null for the default.</summary>
    public string? Name { get; }

    /// <summary>Whether the JSON is pretty-printed.</summary>
    public bool Indented { get; }

    /// <inheritdoc />
    public void Write(Profile profile, Stream output)
    {
        var threads = profile.Stacks
            .GroupBy(s => s.Thread)
            .OrderBy(g => g.Key)
            .Select(g => (Thread: profile.Threads[g.Key], Stacks: g.ToArray(), Total: g.Sum(s => s.Samples)))
            .ToArray();
        // Speedscope opens one profile at a time: the one with the most weight says most.
        int active = 0;
        for (int i = 1; i < threads.Length; i++)
        {
            if (threads[i].Total > threads[active].Total)
                active = i;
        }
        bool ns = profile.Metadata.Mode == ProfileMode.Deterministic;

        // Names are not embedded in HTML, so the relaxed encoder keeps <T> and non-ASCII readable.
        var options = new JsonWriterOptions { Indented = Indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var json = new Utf8JsonWriter(output, options);
        json.WriteStartObject();
        json.WriteString(S.SchemaProperty, S.SchemaUrl);
        json.WriteString(S.Exporter, S.ExporterName);
        json.WriteString(S.Name, Name ?? DefaultName(profile.Metadata));
        json.WriteNumber(S.ActiveProfileIndex, active);
        json.WriteStartObject(S.Shared);
        json.WriteStartArray(S.Frames);
        foreach (var frame in profile.Frames)
            WriteFrame(json, frame);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray(S.Profiles);
        foreach (var (thread, stacks, total) in threads)
        {
            json.WriteStartObject();
            json.WriteString(S.Type, S.Sampled);
            json.WriteString(S.Name, thread.Name);
            json.WriteString(S.Unit, ns ? "nanoseconds" : "none");
            json.WriteNumber(S.StartValue, 0);
            json.WriteNumber(S.EndValue, total);
            json.WriteStartArray(S.Samples);
            foreach (var stack in stacks)
            {
                json.WriteStartArray();
                foreach (int f in stack.Frames)
                    json.WriteNumberValue(f);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartArray(S.Weights);
            foreach (var stack in stacks)
                json.WriteNumberValue(stack.Samples);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFrame(Utf8JsonWriter json, Frame frame)
    {
        json.WriteStartObject();
        json.WriteString(S.Name, frame.Name);
        if (frame.File is not null)
            json.WriteString(S.File, frame.File);
        if (frame.Line > 0)
            json.WriteNumber(S.Line, frame.Line);
        json.WriteEndObject();
    }

    private static string DefaultName(ProfileMetadata metadata)
    {
        string name = $"HybridProf {metadata.Mode.ToString().ToLowerInvariant()} profile";
        return string.IsNullOrEmpty(metadata.Program) ? name : metadata.Program + " \u2014 " + name;
    }
}
