using System;
using System.Text.Json;

namespace HybridProf.Formats.Speedscope;

/// <summary>Checked access to a parsed speedscope file: every mistake is a FormatException naming the JSON path.</summary>
internal static class SpeedscopeJson
{
    public static JsonElement Required(JsonElement obj, string name, JsonValueKind kind, string path) =>
        Optional(obj, name, kind, path) ?? throw Error($"{Join(path, name)} is missing");

    /// <summary>A required string property's value.</summary>
    public static string RequiredString(JsonElement obj, string name, string path) =>
        Text(Required(obj, name, JsonValueKind.String, path), Join(path, name));

    /// <summary>An optional string property's value, or null.</summary>
    public static string? OptionalString(JsonElement obj, string name, string path) =>
        Optional(obj, name, JsonValueKind.String, path) is { } value ? Text(value, Join(path, name)) : null;

    // The parser checks the JSON's structure; a string's UTF-8 is only checked when it is read.
    private static string Text(JsonElement value, string path)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Error($"{path} is not valid UTF-8");
        }
    }

    public static JsonElement? Optional(JsonElement obj, string name, JsonValueKind kind, string path)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        Expect(value, kind, Join(path, name));
        return value;
    }

    public static void Expect(JsonElement value, JsonValueKind kind, string path)
    {
        if (value.ValueKind != kind)
            throw Error($"{path} must be {Describe(kind)}, not {Describe(value.ValueKind)}");
    }

    /// <summary>An integer in [0, <paramref name="limit"/>).</summary>
    public static int Index(JsonElement value, int limit, string path)
    {
        Expect(value, JsonValueKind.Number, path);
        if (!value.TryGetInt32(out int index) || index < 0 || index >= limit)
            throw Error($"{path} is {value.GetRawText()}, not an index below {limit}");
        return index;
    }

    /// <summary>A finite number that is not negative.</summary>
    public static double NonNegative(JsonElement value, string path)
    {
        Expect(value, JsonValueKind.Number, path);
        if (!value.TryGetDouble(out double number) || double.IsNaN(number) || double.IsInfinity(number) || number < 0)
            throw Error($"{path} is {value.GetRawText()}, not a finite number ≥ 0");
        return number;
    }

    /// <summary>A weight, scaled to the model's unit and rounded: exact for integers, rounded for fractions.</summary>
    public static long Weight(JsonElement value, long scale, string path)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long whole) && whole >= 0)
            return whole <= long.MaxValue / scale ? whole * scale : throw Error($"{path} is too large");
        double scaled = Math.Round(NonNegative(value, path) * scale);
        // (double)long.MaxValue is 2^63, itself too large for a long.
        return scaled < long.MaxValue ? (long)scaled : throw Error($"{path} is too large");
    }

    /// <summary>
    /// The one-line error for a problem. Problems quote the file (a name, a unit, a raw value),
    /// and a damaged file can put any character there: control characters are escaped and a
    /// long quote is cut, so the message stays one readable line.
    /// </summary>
    public static FormatException Error(string problem) => new("speedscope: " + OneLine(problem));

    private const int LongestMessage = 300;

    private static string OneLine(string text)
    {
        var line = new System.Text.StringBuilder(Math.Min(text.Length, LongestMessage) + 8);
        foreach (char c in text)
        {
            if (line.Length >= LongestMessage)
                return line.Append('…').ToString();
            if (char.IsControl(c))
                line.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else
                line.Append(c);
        }
        return line.ToString();
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
