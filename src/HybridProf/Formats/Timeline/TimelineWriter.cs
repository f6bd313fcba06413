using System.IO;
using System.Linq;
using System.Text.Json;
using HybridProf.Model;

namespace HybridProf.Formats.Timeline;

/// <summary>
/// A deterministic run's timeline as Chrome trace events (<c>.trace.json</c>), which
/// Perfetto (ui.perfetto.dev), chrome://tracing and speedscope open:
/// <c>{"traceEvents":[...], "displayTimeUnit":"ns"}</c> with one complete event
/// (<c>"ph":"X"</c>, <c>ts</c> and <c>dur</c> in microseconds) per call or resumed async
/// slice, and a <c>thread_name</c> metadata event (<c>"ph":"M"</c>) per thread. When a
/// thread's buffer filled up, an instant event (<c>"ph":"i"</c>) at the end says how many
/// calls are missing. A sampled profile has no timeline: the file says so in the same way.
/// </summary>
public sealed class TimelineWriter : IProfileWriter
{
    private const int ProcessId = 1;

    /// <inheritdoc />
    public void Write(Profile profile, Stream output)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteStartArray("traceEvents");
        for (int t = 0; t < profile.Threads.Count; t++)
        {
            json.WriteStartObject();
            json.WriteString("name", "thread_name");
            json.WriteString("ph", "M");
            json.WriteNumber("pid", ProcessId);
            json.WriteNumber("tid", profile.Threads[t].Id);
            json.WriteStartObject("args");
            json.WriteString("name", profile.Threads[t].Name);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        var timeline = profile.Timings?.Timeline ?? System.Array.Empty<TimelineCall>();
        foreach (var call in timeline.OrderBy(c => c.StartNanoseconds))
        {
            var frame = profile.Frames[call.Frame];
            json.WriteStartObject();
            json.WriteString("name", frame.Name);
            json.WriteString("cat", call.Resumed ? "resumed" : "call");
            json.WriteString("ph", "X");
            json.WriteNumber("ts", call.StartNanoseconds / 1000.0);
            json.WriteNumber("dur", call.DurationNanoseconds / 1000.0);
            json.WriteNumber("pid", ProcessId);
            json.WriteNumber("tid", profile.Threads[call.Thread].Id);
            if (frame.File is not null)
            {
                json.WriteStartObject("args");
                json.WriteString("file", frame.File);
                json.WriteNumber("line", frame.Line);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }

        string? note = profile.Timings is null
            ? "HybridProf: no timeline: it is recorded only in deterministic mode (HYBRIDPROF_MODE=deterministic)"
            : profile.Timings.DroppedTimelineCalls > 0
                ? $"HybridProf: timeline truncated: {profile.Timings.DroppedTimelineCalls} calls were not kept (per-thread buffer full); the .txt and .collapsed outputs count them all"
                : timeline.Count == 0
                    ? "HybridProf: no timeline was recorded: it is kept only when HYBRIDPROF_OUTPUT ends in .trace.json (or with the HybridProf.DeterministicTimeline switch)"
                    : null;
        if (note is not null)
        {
            json.WriteStartObject();
            json.WriteString("name", note);
            json.WriteString("ph", "i");
            json.WriteString("s", "g");
            json.WriteNumber("ts", timeline.Count == 0 ? 0 : timeline.Max(c => c.StartNanoseconds + c.DurationNanoseconds) / 1000.0);
            json.WriteNumber("pid", ProcessId);
            json.WriteNumber("tid", 0);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("displayTimeUnit", "ns");
        json.WriteEndObject();
    }
}
