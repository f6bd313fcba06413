using System.Globalization;
using System.Text;
using System.Xml.Linq;
using HybridProf.Formats;
using HybridProf.Model;

namespace HybridProf.Tests.Formats;

/// <summary>Runs a writer into memory and reads the result back for assertions.</summary>
internal static class WrittenProfile
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Text(IProfileWriter writer, Profile profile)
    {
        using var stream = new MemoryStream();
        writer.Write(profile, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The drawn frames of a flamegraph SVG, in document order (root first).</summary>
    public static List<SvgFrame> Frames(string svg) =>
        XDocument.Parse(svg).Descendants(Svg + "g")
            .Where(g => (string?)g.Attribute("class") == "f")
            .Select(SvgFrame.From)
            .ToList();
}

/// <summary>One <c>&lt;g class="f"&gt;</c> of a flamegraph, parsed.</summary>
internal sealed record SvgFrame(string Name, string Tooltip, long DataX, long DataW, double X, double Y, double Width, string Fill, string Label)
{
    public static SvgFrame From(XElement g)
    {
        var rect = g.Element(WrittenProfile.Svg + "rect")!;
        string title = g.Element(WrittenProfile.Svg + "title")!.Value;
        return new SvgFrame(
            title.Split('\n')[0],
            title,
            long.Parse((string)g.Attribute("data-x")!, CultureInfo.InvariantCulture),
            long.Parse((string)g.Attribute("data-w")!, CultureInfo.InvariantCulture),
            D(rect, "x"),
            D(rect, "y"),
            D(rect, "width"),
            (string)rect.Attribute("fill")!,
            g.Element(WrittenProfile.Svg + "text")!.Value);
    }

    private static double D(XElement e, string name) => double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);
}
