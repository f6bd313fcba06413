using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using HybridProf.Analysis;
using HybridProf.Model;

namespace HybridProf.Formats.Flamegraph;

/// <summary>
/// Writes the SVG document. Every frame is a <c>&lt;g class="f"&gt;</c> whose <c>data-x</c> and
/// <c>data-w</c> hold its offset and weight in profile units; flamegraph.js zooms by recomputing
/// pixel positions from those, so the file carries no separate data blob.
/// </summary>
internal sealed class FlamegraphSvg
{
    private const double SidePadding = 10;

    private readonly TextWriter _w;
    private readonly FlamegraphOptions _options;
    private readonly ProfileMetadata _metadata;
    private readonly long _total;
    private readonly double _framesWidth;
    private readonly int _maxDepth;
    private readonly string[] _message;

    private FlamegraphSvg(TextWriter writer, FlamegraphOptions options, ProfileMetadata metadata, long total, int maxDepth)
    {
        _w = writer;
        _options = options;
        _metadata = metadata;
        _total = total;
        _maxDepth = maxDepth;
        _framesWidth = options.Width - 2 * SidePadding;
        _message = total == 0 ? EmptyProfileMessage.Lines(metadata.Mode) : Array.Empty<string>();
    }

    private double FontSize => _options.FontSize;
    private double FramesTop => 5 * FontSize;
    private double LineHeight => 1.5 * FontSize;
    private double FramesBottom => FramesTop + (_maxDepth + 1) * _options.FrameHeight;
    // The message of an empty profile goes between the frames and the status line.
    private double StatusY => FramesBottom + (_message.Length + 1) * LineHeight;

    /// <summary>Writes the whole document for a laid-out tree (root first in <paramref name="boxes"/>).</summary>
    public static void Write(TextWriter writer, FlamegraphOptions options, ProfileMetadata metadata, CallTree root, IReadOnlyList<FlameBox> boxes)
    {
        int maxDepth = boxes.Max(b => b.Depth);
        var svg = new FlamegraphSvg(writer, options, metadata, root.Total, maxDepth);
        svg.WriteHeader();
        svg.WriteChrome();
        svg.WriteFrames(boxes);
        svg.WriteMessage();
        svg.WriteFooter();
    }

    private void WriteHeader()
    {
        double width = _options.Width, height = StatusY + FontSize;
        _w.WriteLine("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>");
        _w.WriteLine(
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{N(width)}\" height=\"{N(height)}\" " +
            $"viewBox=\"0 0 {N(width)} {N(height)}\" font-size=\"{N(FontSize)}\" " +
            $"data-char-width=\"{N(FlameLabels.CharWidth(FontSize))}\" data-unit=\"{_metadata.Unit}\">");
        if (_options.InlineAssets)
            _w.WriteLine("<style type=\"text/css\">" + SvgText.CData(FlamegraphAssets.Css) + "</style>");
    }

    private void WriteChrome()
    {
        double center = _options.Width / 2.0, controlsY = 4 * FontSize - 4, right = _options.Width - SidePadding;
        string subtitle = _options.Subtitle ?? FlameLabels.Subtitle(_metadata, _total);
        _w.WriteLine("<rect id=\"background\" x=\"0\" y=\"0\" width=\"100%\" height=\"100%\"/>");
        _w.WriteLine($"<text id=\"title\" x=\"{N(center)}\" y=\"{N(2 * FontSize)}\">{SvgText.Escape(_options.Title ?? FlameLabels.Title(_metadata))}</text>");
        _w.WriteLine($"<text id=\"subtitle\" x=\"{N(center)}\" y=\"{N(controlsY)}\">{SvgText.Escape(subtitle)}</text>");
        _w.WriteLine($"<text id=\"unzoom\" class=\"hide\" x=\"{N(SidePadding)}\" y=\"{N(controlsY)}\">Reset zoom</text>");
        _w.WriteLine($"<text id=\"search\" x=\"{N(right)}\" y=\"{N(controlsY)}\">Search</text>");
    }

    private void WriteFrames(IReadOnlyList<FlameBox> boxes)
    {
        double height = (_maxDepth + 1) * _options.FrameHeight;
        _w.WriteLine(
            $"<svg id=\"frames\" x=\"{N(SidePadding)}\" y=\"{N(FramesTop)}\" width=\"{N(_framesWidth)}\" " +
            $"height=\"{N(height)}\" data-total=\"{I(_total)}\">");
        foreach (var box in boxes)
            WriteFrame(box);
        _w.WriteLine("</svg>");
    }

    private void WriteFrame(FlameBox box)
    {
        var node = box.Node;
        // An empty profile still draws its root across the width, so the page is not blank.
        double scale = _total == 0 ? 0 : _framesWidth / _total;
        double x = box.Offset * scale, width = _total == 0 ? _framesWidth : node.Total * scale;
        // The root sits at the bottom: depth counts up the image.
        double y = (_maxDepth - box.Depth) * _options.FrameHeight;
        double labelY = y + _options.FrameHeight / 2.0 + 0.35 * FontSize;
        string label = FlameLabels.Fit(FlameLabels.Clean(node.Name), width, FontSize);
        string fill = _options.Colouring?.Fill(node) ?? FlameColors.For(node.Name);
        string tooltip = FlameLabels.Tooltip(node, _total, _metadata);
        if (_options.Colouring?.TooltipNote(node) is { } note)
            tooltip += "\n" + note;
        _w.Write($"<g class=\"f\" data-x=\"{I(box.Offset)}\" data-w=\"{I(node.Total)}\">");
        _w.Write($"<title>{SvgText.Escape(tooltip)}</title>");
        _w.Write($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(_options.FrameHeight - 1)}\" fill=\"{SvgText.Escape(fill)}\"/>");
        _w.WriteLine($"<text x=\"{N(x + FlameLabels.Padding)}\" y=\"{N(labelY)}\">{SvgText.Escape(label)}</text></g>");
    }

    private void WriteMessage()
    {
        if (_message.Length == 0)
            return;
        _w.WriteLine("<g id=\"message\">");
        for (int i = 0; i < _message.Length; i++)
            _w.WriteLine($"<text x=\"{N(SidePadding)}\" y=\"{N(FramesBottom + (i + 1) * LineHeight)}\">{SvgText.Escape(_message[i])}</text>");
        _w.WriteLine("</g>");
    }

    private void WriteFooter()
    {
        double right = _options.Width - SidePadding;
        _w.WriteLine($"<text id=\"details\" x=\"{N(SidePadding)}\" y=\"{N(StatusY)}\"> </text>");
        _w.WriteLine($"<text id=\"matched\" x=\"{N(right)}\" y=\"{N(StatusY)}\"> </text>");
        if (_options.InlineAssets)
            _w.WriteLine("<script type=\"text/ecmascript\">" + SvgText.CData(FlamegraphAssets.Script) + "</script>");
        _w.WriteLine("</svg>");
    }

    // Pixel values with at most two decimals, never a culture's comma.
    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
