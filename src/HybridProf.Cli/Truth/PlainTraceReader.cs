using System.Globalization;
using System.Text.Json;
using HybridProf.Formats;
using HybridProf.Model;

namespace HybridProf.Cli.Truth;

/// <summary>
/// Reads the plain build's trace: dotnet-trace's speedscope export (<c>dotnet-trace convert
/// --format Speedscope</c>), or any profile HybridProf reads whose weights are sample counts.
/// </summary>
/// <remarks>
/// dotnet-trace writes its sampled thread time as speedscope <c>evented</c> profiles, one per
/// thread (named <c>Thread (TID)</c>), built by TraceEvent: each sample lasts until the thread's
/// next sample and ends in a pseudo-frame, <c>CPU_TIME</c> when the thread was running managed
/// code, <c>UNMANAGED_CODE_TIME</c> when it was not (waiting, or in native code), and consecutive
/// samples of one stack are merged into one open/close pair. Read back, the time between two
/// events belongs to the stack open then; the sample counts are gone, so the sampler's interval
/// is estimated from the shortest merged runs (<see cref="EstimateInterval"/>) and the weights
/// count in multiples of it.
/// </remarks>
internal static class PlainTraceReader
{
    private const string SchemaUrl = "https://www.speedscope.app/file-format-schema.json";

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">The file is not a trace this can read.</exception>
    public static PlainTrace Read(string path)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            using var stream = File.OpenRead(path);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
            }
            catch (JsonException e)
            {
                throw new FormatException($"{path}: not valid JSON: {e.Message}");
            }
            using (document)
            {
                if (IsEvented(document.RootElement))
                    return ReadEvented(document.RootElement, path);
            }
        }
        return FromProfile(ProfileFormats.Read(path), path);
    }

    /// <summary>A sampled profile's stacks as a trace: each weight a sample.</summary>
    /// <exception cref="FormatException">Its weights are times, not samples.</exception>
    public static PlainTrace FromProfile(Profile profile, string path)
    {
        if (profile.Metadata.Mode == ProfileMode.Deterministic)
            throw new FormatException($"{path}: its weights are times, not samples; the comparison needs a sampler's counts (or dotnet-trace's evented speedscope export)");
        var stacks = profile.Stacks.Select(s =>
        {
            var names = profile.FrameNames(s).ToList();
            string? state = names.Count > 0 && PlainTrace.States.Contains(names[^1]) ? names[^1] : null;
            if (state is not null)
                names.RemoveAt(names.Count - 1);
            return new TraceStack(profile.Threads[s.Thread].Name, names, state, s.Samples);
        }).ToList();
        return new PlainTrace(stacks, "samples", 1, $"{Path.GetFileName(path)}, {profile.Metadata.Mode.ToString().ToLowerInvariant()} samples");
    }

    /// <summary>
    /// The sampler's interval from the lengths of merged runs of one stack (each one or more whole
    /// intervals): the median of the runs no longer than 1.5 times the 10th percentile, i.e. of
    /// the single-sample runs, which on code whose stack changes often are most of them.
    /// </summary>
    public static double EstimateInterval(IReadOnlyCollection<double> runs)
    {
        var sorted = runs.Where(r => r > 0).OrderBy(r => r).ToArray();
        if (sorted.Length == 0)
            return 0;
        double shortest = sorted[(int)(0.1 * (sorted.Length - 1))];
        var single = sorted.Where(r => r <= 1.5 * shortest).ToArray();
        return single.Length % 2 == 1 ? single[single.Length / 2] : (single[single.Length / 2 - 1] + single[single.Length / 2]) / 2;
    }

    private static bool IsEvented(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("$schema", out var schema) && schema.ValueKind == JsonValueKind.String && schema.GetString() == SchemaUrl
        && root.TryGetProperty("profiles", out var profiles) && profiles.ValueKind == JsonValueKind.Array
        && profiles.EnumerateArray().Any(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "evented");

    private static PlainTrace ReadEvented(JsonElement root, string path)
    {
        var frames = Property(Property(root, "shared", JsonValueKind.Object, path, ""), "frames", JsonValueKind.Array, path, "shared")
            .EnumerateArray()
            .Select((f, i) => f.ValueKind == JsonValueKind.Object && f.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString()!
                : throw new FormatException($"{path}: shared.frames[{i}] has no name"))
            .ToArray();
        var weights = new Dictionary<(string Thread, string Stack), double>();
        var stacks = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var runs = new List<double>();
        int index = 0;
        foreach (var profile in Property(root, "profiles", JsonValueKind.Array, path, "").EnumerateArray())
        {
            string where = $"profiles[{index++}]";
            if (profile.ValueKind != JsonValueKind.Object)
                throw new FormatException($"{path}: {where} is not an object");
            string type = String(profile, "type", path, where);
            if (type != "evented")
                throw new FormatException($"{path}: {where} is '{type}'; a trace mixing sampled and evented profiles is not one dotnet-trace writes");
            string thread = String(profile, "name", path, where);
            double toMs = String(profile, "unit", path, where) switch
            {
                "milliseconds" => 1,
                "microseconds" => 1e-3,
                "nanoseconds" => 1e-6,
                "seconds" => 1e3,
                string unit => throw new FormatException($"{path}: {where}.unit is '{unit}'; a thread-time trace measures time"),
            };
            var open = new List<int>();
            double previous = double.NaN;
            int e = 0;
            foreach (var item in Property(profile, "events", JsonValueKind.Array, path, where).EnumerateArray())
            {
                string at = $"{where}.events[{e++}]";
                if (item.ValueKind != JsonValueKind.Object)
                    throw new FormatException($"{path}: {at} is not an object");
                double time = Number(item, "at", path, at) * toMs;
                int frame = (int)Number(item, "frame", path, at);
                if (frame < 0 || frame >= frames.Length)
                    throw new FormatException($"{path}: {at}.frame {frame} is not a frame");
                if (open.Count > 0 && time > previous)
                {
                    string key = string.Join(',', open);
                    if (!stacks.ContainsKey(key))
                        stacks.Add(key, open.ToArray());
                    weights[(thread, key)] = weights.GetValueOrDefault((thread, key)) + (time - previous);
                    if (PlainTrace.States.Contains(frames[open[^1]]))
                        runs.Add(time - previous);
                }
                else if (time < previous)
                {
                    throw new FormatException($"{path}: {at} goes back in time");
                }
                previous = time;
                switch (String(item, "type", path, at))
                {
                    case "O":
                        open.Add(frame);
                        break;
                    case "C" when open.Count > 0 && open[^1] == frame:
                        open.RemoveAt(open.Count - 1);
                        break;
                    case "C":
                        throw new FormatException($"{path}: {at} closes frame {frame}, which is not the innermost open one");
                    case string other:
                        throw new FormatException($"{path}: {at}.type is '{other}', not O or C");
                }
            }
        }
        if (runs.Count == 0)
            throw new FormatException($"{path}: no sample ends in CPU_TIME or UNMANAGED_CODE_TIME: not dotnet-trace's sampled thread time (dotnet-trace collect --profile dotnet-sampled-thread-time, then dotnet-trace convert --format Speedscope)");

        var result = weights.Select(w =>
        {
            var names = stacks[w.Key.Stack].Select(f => frames[f]).ToList();
            string? state = PlainTrace.States.Contains(names[^1]) ? names[^1] : null;
            if (state is not null)
                names.RemoveAt(names.Count - 1);
            return new TraceStack(w.Key.Thread, names, state, w.Value);
        }).ToList();
        string exporter = root.TryGetProperty("exporter", out var x) && x.ValueKind == JsonValueKind.String ? x.GetString()! : "speedscope";
        return new PlainTrace(result, "ms", EstimateInterval(runs), $"dotnet-trace's sampled thread time ({exporter})");
    }

    private static JsonElement Property(JsonElement element, string name, JsonValueKind kind, string path, string where) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw new FormatException($"{path}: {(where.Length == 0 ? "" : where + ".")}{name} is missing or not {kind.ToString().ToLowerInvariant()}");

    private static string String(JsonElement element, string name, string path, string where) =>
        Property(element, name, JsonValueKind.String, path, where).GetString()!;

    // Numbers, or numbers written as strings (TraceEvent writes startValue and endValue so).
    private static double Number(JsonElement element, string name, string path, string where)
    {
        if (element.TryGetProperty(name, out var value))
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && double.IsFinite(number))
                return number;
            if (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number))
                return number;
        }
        throw new FormatException($"{path}: {where}.{name} is missing or not a number");
    }
}
