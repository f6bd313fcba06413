using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HybridProf.Cli.Tests.Truth;

/// <summary>
/// Writes speedscope files as dotnet-trace's converter (TraceEvent) writes sampled thread time:
/// one evented profile per thread, <c>Process64 …</c>, <c>(Non-Activities)</c>, <c>Threads</c> and
/// <c>Thread (TID)</c> at the root of every sample, <c>CPU_TIME</c> or <c>UNMANAGED_CODE_TIME</c> on
/// top, each sample lasting until the next one, consecutive samples of one stack merged.
/// </summary>
internal static class TraceFiles
{
    /// <summary>One sample: its frames (root first, TraceEvent's spelling), whether the thread ran managed code, its length in ms.</summary>
    public sealed record Sample(string[] Frames, bool Running, double Milliseconds);

    public static string Speedscope(params (int Tid, Sample[] Samples)[] threads)
    {
        var frames = new List<string>();
        int Frame(string name)
        {
            int i = frames.IndexOf(name);
            if (i >= 0)
                return i;
            frames.Add(name);
            return frames.Count - 1;
        }
        var profiles = new List<object>();
        foreach (var (tid, samples) in threads)
        {
            var events = new List<object>();
            var open = new List<int>();
            double at = 10;
            foreach (var sample in samples)
            {
                var stack = new[] { "Process64 dotnet (4242) Args: App.dll", "(Non-Activities)", "Threads", $"Thread ({tid})" }
                    .Concat(sample.Frames).Append(sample.Running ? "CPU_TIME" : "UNMANAGED_CODE_TIME").Select(Frame).ToList();
                int common = 0;
                while (common < open.Count && common < stack.Count && open[common] == stack[common])
                    common++;
                for (int i = open.Count - 1; i >= common; i--)
                    events.Add(new { type = "C", frame = open[i], at });
                for (int i = common; i < stack.Count; i++)
                    events.Add(new { type = "O", frame = stack[i], at });
                open = stack;
                at += sample.Milliseconds;
            }
            for (int i = open.Count - 1; i >= 0; i--)
                events.Add(new { type = "C", frame = open[i], at });
            profiles.Add(new Dictionary<string, object>
            {
                ["type"] = "evented", ["name"] = $"Thread ({tid})", ["unit"] = "milliseconds",
                ["startValue"] = "10", ["endValue"] = at.ToString("R", CultureInfo.InvariantCulture), ["events"] = events,
            });
        }
        var file = new Dictionary<string, object>
        {
            ["exporter"] = "Microsoft.Diagnostics.Tracing.TraceEvent@3.1.23.0", ["name"] = "test", ["activeProfileIndex"] = 0,
            ["$schema"] = "https://www.speedscope.app/file-format-schema.json",
            ["shared"] = new { frames = frames.Select(f => new { name = f }) }, ["profiles"] = profiles,
        };
        return JsonSerializer.Serialize(file);
    }

    /// <summary><paramref name="count"/> samples of one stack, <paramref name="interval"/> ms apart, each given its own stack by a varying tail so none merge.</summary>
    public static IEnumerable<Sample> Repeat(int count, double interval, bool running, params string[] frames) =>
        Enumerable.Range(0, count).Select(_ => new Sample(frames, running, interval));

    public static string Write(string directory, string name, string content)
    {
        string path = Path.Combine(directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
