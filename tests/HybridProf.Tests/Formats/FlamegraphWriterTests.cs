using System.Globalization;
using System.Xml.Linq;
using HybridProf.Formats.Flamegraph;
using HybridProf.Model;

namespace HybridProf.Tests.Formats;

public class FlamegraphWriterTests
{
    private const double FramesWidth = 1180; // default width 1200 less 10 px each side

    private static List<SvgFrame> Draw(Profile profile, FlamegraphOptions? options = null) =>
        WrittenProfile.Frames(WrittenProfile.Text(new FlamegraphWriter(options ?? new FlamegraphOptions()), profile));

    [Fact]
    public void Widths_are_proportional_to_weight()
    {
        var frames = Draw(SampleProfiles.Shop());
        long total = frames[0].DataW;
        Assert.Equal(11001, total);
        foreach (var f in frames)
            Assert.Equal(FramesWidth * f.DataW / total, f.Width, 0.01);
        var parse = frames.Single(f => f.Name == "Shop.Parse(string)");
        var get = frames.Single(f => f.Name == "Shop.Cache<TKey, TValue>.Get");
        Assert.Equal(2.0, parse.Width / get.Width, 3);
    }

    [Fact]
    public void A_colouring_fills_every_box_and_adds_to_its_tooltip()
    {
        var plain = Draw(SampleProfiles.Shop());
        var coloured = Draw(SampleProfiles.Shop(), new FlamegraphOptions { Colouring = new OwnWeightColouring() });

        Assert.Equal(plain.Select(f => (f.Name, f.DataX, f.DataW)), coloured.Select(f => (f.Name, f.DataX, f.DataW)));
        Assert.All(coloured, f => Assert.Equal(f.Name == "all" ? "rgb(0,0,0)" : "rgb(1,2,3)", f.Fill));
        var parse = coloured.Single(f => f.Name == "Shop.Parse(string)");
        Assert.EndsWith("\nown 5000 <here>", parse.Tooltip);
        Assert.StartsWith(plain.Single(f => f.Name == "Shop.Parse(string)").Tooltip, parse.Tooltip);
    }

    private sealed class OwnWeightColouring : IFlameColouring
    {
        public string Fill(HybridProf.Analysis.CallTree node) => node.Parent is null ? "rgb(0,0,0)" : "rgb(1,2,3)";

        public string? TooltipNote(HybridProf.Analysis.CallTree node) => node.Own > 0 ? $"own {node.Own} <here>" : null;
    }

    [Fact]
    public void Threads_are_merged_and_children_sorted_with_root_at_bottom()
    {
        var frames = Draw(SampleProfiles.Shop());
        var root = frames[0];
        Assert.Equal("all", root.Name);
        Assert.Equal(FramesWidth, root.Width, 2);
        Assert.All(frames.Skip(1), f => Assert.True(f.Y < root.Y, $"{f.Name} is below the root"));
        // Parse ran on two threads: one frame carrying both weights.
        Assert.Equal(5000, frames.Single(f => f.Name == "Shop.Parse(string)").DataW);
        var rootChildren = frames.Where(f => f.Y == root.Y - 16).Select(f => f.Name).ToList();
        Assert.Equal(new[] { "Program.Main", "Worker.Run", "[GC]" }, rootChildren);
    }

    [Fact]
    public void Narrow_frames_are_omitted_but_counted_in_their_parent()
    {
        var frames = Draw(SampleProfiles.Shop());
        Assert.DoesNotContain(frames, f => f.Name == "Shop.Tiny");
        // Checkout keeps the weight of the omitted child: 4000 + 1000 + 2500 + 1000 + 1.
        Assert.Equal(8501, frames.Single(f => f.Name == "Shop.Checkout").DataW);

        var all = Draw(SampleProfiles.Shop(), new FlamegraphOptions { MinWidthPercent = 0 });
        Assert.Contains(all, f => f.Name == "Shop.Tiny");
    }

    [Fact]
    public void Threshold_is_a_percentage_of_the_whole_profile()
    {
        var profile = SampleProfiles.FromCollapsed(("a;big", 980), ("a;small", 19), ("a;smaller", 1));
        var names = Draw(profile, new FlamegraphOptions { MinWidthPercent = 1.5 }).Select(f => f.Name).ToList();
        Assert.Equal(new[] { "all", "a", "big", "small" }, names);
    }

    [Fact]
    public void Names_and_title_are_xml_escaped()
    {
        const string name = "Odd<T>.M&N\"'\u0001";
        var profile = SampleProfiles.FromCollapsed((name, 10));
        string svg = WrittenProfile.Text(new FlamegraphWriter(new FlamegraphOptions { Title = "a < b & c" }), profile);

        Assert.Contains("Odd&lt;T&gt;.M&amp;N&quot;&apos;\uFFFD", svg);
        var doc = XDocument.Parse(svg); // throws if anything broke the XML
        Assert.Equal("a < b & c", doc.Descendants(WrittenProfile.Svg + "text").Single(t => (string?)t.Attribute("id") == "title").Value);
        Assert.Equal("Odd<T>.M&N\"'\uFFFD", WrittenProfile.Frames(svg)[1].Name);
    }

    [Fact]
    public void Deterministic_mode_reports_nanoseconds()
    {
        // Without the script, whose comments mention both units.
        var drawing = new FlamegraphOptions { InlineAssets = false };
        string svg = WrittenProfile.Text(new FlamegraphWriter(drawing), SampleProfiles.Shop(ProfileMode.Deterministic));
        var parse = WrittenProfile.Frames(svg).Single(f => f.Name == "Shop.Parse(string)");
        Assert.Equal("Shop.Parse(string)\n5,000 ns (45.45%)\nsrc/Shop/Parser.cs:42", parse.Tooltip);
        Assert.Contains("mode deterministic \u00B7 11,001 ns \u00B7 112.35 s", svg);
        Assert.DoesNotContain("samples", svg);
        Assert.DoesNotContain("Hz", svg);
    }

    [Fact]
    public void Cpu_mode_subtitle_and_tooltip_count_samples()
    {
        string svg = WrittenProfile.Text(new FlamegraphWriter(), SampleProfiles.Shop());
        Assert.Contains("mode cpu \u00B7 100 Hz \u00B7 11,001 samples \u00B7 112.35 s \u00B7 3 missed ticks", svg);
        var root = WrittenProfile.Frames(svg)[0];
        Assert.Equal("all\n11,001 samples (100.00%)", root.Tooltip);
    }

    [Fact]
    public void Labels_are_truncated_to_fit()
    {
        var profile = SampleProfiles.FromCollapsed(("Namespace.VeryLongTypeName.VeryLongMethodName", 10), ("x", 990));
        var frame = Draw(profile).Single(f => f.Name.StartsWith("Namespace", StringComparison.Ordinal));
        // 11.8 px wide: (11.8 - 6) / 7.2 < 3 characters, so no label.
        Assert.Equal("", frame.Label);
        var wide = Draw(SampleProfiles.FromCollapsed(("Namespace.VeryLongTypeName.VeryLongMethodName", 10), ("x", 90)));
        var label = wide.Single(f => f.Name.StartsWith("Namespace", StringComparison.Ordinal)).Label;
        // 118 px: 15 characters of 7.2 px. The namespace goes first; the method alone (18) does
        // not fit either, so its beginning is kept (FlameLabelFitTests has the whole rule).
        Assert.Equal("VeryLongMethod\u2026", label);
        var wider = Draw(SampleProfiles.FromCollapsed(("Namespace.VeryLongTypeName.VeryLongMethodName", 23), ("x", 77)));
        // 271.4 px: 36 characters, room for the type and the method behind an ellipsis.
        Assert.Equal("\u2026VeryLongTypeName.VeryLongMethodName", wider.Single(f => f.Name.StartsWith("Namespace", StringComparison.Ordinal)).Label);
    }

    [Fact]
    public void Default_title_names_the_program_and_how_it_was_profiled()
    {
        var metadata = new ProfileMetadata(ProfileMode.Cpu, 100, TimeSpan.FromSeconds(12.34), Program: "E2eApp");
        Assert.Equal("E2eApp \u2014 cpu mode, 100 Hz, 12.3 s", Title(Profile.Empty(metadata)));
        Assert.Equal("E2eApp \u2014 deterministic mode, 12.3 s", Title(Profile.Empty(metadata with { Mode = ProfileMode.Deterministic, RateHz = 0 })));
    }

    [Fact]
    public void Without_a_program_name_the_title_names_the_mode_only()
    {
        // A folded file keeps neither the program, the rate nor the duration.
        var folded = new HybridProf.Formats.Collapsed.CollapsedReader().Read(new StringReader("Main;Work 10\n"));
        Assert.Equal("cpu mode", Title(folded));
        Assert.Equal("wall mode, 50 Hz, 2.0 s", Title(Profile.Empty(new ProfileMetadata(ProfileMode.Wall, 50, TimeSpan.FromSeconds(2)))));
        Assert.Equal("A title", Title(Profile.Empty(new ProfileMetadata(ProfileMode.Wall, 50, TimeSpan.Zero, Program: "E2eApp")), new FlamegraphOptions { Title = "A title" }));
    }

    [Fact]
    public void Missed_ticks_are_explained_where_they_are_counted()
    {
        string svg = WrittenProfile.Text(new FlamegraphWriter(), SampleProfiles.Shop());
        string subtitle = SubtitleOf(svg);
        Assert.Contains("3 missed ticks (sampler woke late; their time went to the stacks seen then)", subtitle);
        // Centred between "Reset zoom" and "Reset search" (at most 12 characters each side).
        Assert.True(subtitle.Length * 7.2 / 2 < 600 - 10 - 12 * 7.2, $"the subtitle runs into the controls: {subtitle}");
    }

    [Theory]
    [InlineData(ProfileMode.Cpu, "No samples", "wall mode")]
    [InlineData(ProfileMode.Wall, "No samples", "instrumented")]
    [InlineData(ProfileMode.Deterministic, "No calls recorded", "instrumented")]
    public void An_empty_profile_says_why_it_is_empty(ProfileMode mode, string fact, string advice)
    {
        string svg = WrittenProfile.Text(new FlamegraphWriter(), Profile.Empty(new ProfileMetadata(mode, 100, TimeSpan.FromSeconds(1))));
        var message = XDocument.Parse(svg).Descendants(WrittenProfile.Svg + "g").Single(g => (string?)g.Attribute("id") == "message");
        var lines = message.Elements(WrittenProfile.Svg + "text").Select(t => t.Value).ToList();
        Assert.StartsWith(fact, lines[0]);
        Assert.Contains(lines, line => line.Contains(advice, StringComparison.Ordinal));
        if (mode != ProfileMode.Cpu)
            Assert.DoesNotContain(lines, line => line.Contains("wall mode", StringComparison.Ordinal));
        // Between the frames and the status line, so it overlaps neither.
        var doc = XDocument.Parse(svg);
        var frames = doc.Root!.Elements(WrittenProfile.Svg + "svg").Single();
        double framesBottom = Number(frames, "y") + Number(frames, "height");
        double status = Number(doc.Descendants(WrittenProfile.Svg + "text").Single(t => (string?)t.Attribute("id") == "details"), "y");
        Assert.All(message.Elements(WrittenProfile.Svg + "text"), t => Assert.InRange(Number(t, "y"), framesBottom + 1, status - 1));
        Assert.True(status < Number(doc.Root, "height"), "the status line is outside the image");
    }

    [Fact]
    public void A_profile_with_samples_has_no_message()
    {
        string svg = WrittenProfile.Text(new FlamegraphWriter(), SampleProfiles.Shop());
        Assert.DoesNotContain("id=\"message\"", svg);
    }

    private static string Title(Profile profile, FlamegraphOptions? options = null) =>
        TextById(WrittenProfile.Text(new FlamegraphWriter(options ?? new FlamegraphOptions()), profile), "title");

    private static double Number(XElement e, string attribute) =>
        double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private static string SubtitleOf(string svg) => TextById(svg, "subtitle");

    private static string TextById(string svg, string id) =>
        XDocument.Parse(svg).Descendants(WrittenProfile.Svg + "text").Single(t => (string?)t.Attribute("id") == id).Value;

    [Fact]
    public void Synthetic_frames_are_cool_and_code_frames_warm()
    {
        var frames = Draw(SampleProfiles.Shop());
        foreach (var f in frames)
        {
            var (r, _, b) = Rgb(f.Fill);
            if (f.Name.StartsWith('['))
                Assert.True(b > r, $"{f.Name} should be blue-grey, is {f.Fill}");
            else
                Assert.True(r >= 205 && b <= 55, $"{f.Name} should be warm, is {f.Fill}");
        }
        Assert.Equal(Draw(SampleProfiles.Shop()).Select(f => f.Fill), frames.Select(f => f.Fill));
    }

    [Fact]
    public void Output_is_identical_under_any_culture()
    {
        var profile = SampleProfiles.Shop();
        string invariant = WithCulture(CultureInfo.InvariantCulture, () => WrittenProfile.Text(new FlamegraphWriter(), profile));
        string german = WithCulture(new CultureInfo("de-DE"), () => WrittenProfile.Text(new FlamegraphWriter(), profile));
        Assert.Equal(invariant, german);
        Assert.Equal(invariant, WrittenProfile.Text(new FlamegraphWriter(), profile));
    }

    [Fact]
    public void Default_output_inlines_script_and_style_in_cdata()
    {
        string svg = WrittenProfile.Text(new FlamegraphWriter(), SampleProfiles.Shop());
        var doc = XDocument.Parse(svg);
        string script = doc.Root!.Element(WrittenProfile.Svg + "script")!.Value;
        string style = doc.Root.Element(WrittenProfile.Svg + "style")!.Value;
        Assert.Equal(FlamegraphAssets.Script, script.Trim('\n'));
        Assert.Equal(FlamegraphAssets.Css, style.Trim('\n'));
        Assert.Contains("window.flamegraph", script);
        Assert.Contains("<![CDATA[", svg);
    }

    [Fact]
    public void Empty_profile_draws_only_the_root()
    {
        var empty = Profile.Empty(new ProfileMetadata(ProfileMode.Wall, 100, TimeSpan.Zero));
        var frames = Draw(empty);
        var root = Assert.Single(frames);
        Assert.Equal(FramesWidth, root.Width, 2);
        Assert.Equal("all\n0 samples (0.00%)", root.Tooltip);
    }

    [Fact]
    public void Too_small_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FlamegraphWriter(new FlamegraphOptions { Width = 10 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FlamegraphWriter(new FlamegraphOptions { MinWidthPercent = -1 }));
    }

    private static (int R, int G, int B) Rgb(string fill)
    {
        var parts = fill["rgb(".Length..^1].Split(',').Select(int.Parse).ToArray();
        return (parts[0], parts[1], parts[2]);
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
