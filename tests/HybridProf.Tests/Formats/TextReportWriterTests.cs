using System.Globalization;
using HybridProf.Formats.TextReport;
using HybridProf.Formats;
using HybridProf.Model;

namespace HybridProf.Tests.Formats;

public class TextReportWriterTests
{
    private static string[] Rows(string report) =>
        report.Split('\n').SkipWhile(l => !l.TrimStart().StartsWith("%Own", StringComparison.Ordinal)).Skip(1).Where(l => l.Length > 0).ToArray();

    private static string[] Columns(string row) => row.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Header_names_mode_samples_duration_and_rate()
    {
        string report = TextReportWriter.Render(SampleProfiles.Shop());
        Assert.StartsWith("Mode: cpu   Samples: 11,001   Duration: 112.35 s   Rate: 100 Hz   Missed ticks: 3\n", report);
        Assert.Contains("\n   %Own   %Total  OwnSamples  TotalSamples  Function\n", report);
    }

    [Fact]
    public void Folded_methods_get_one_line_under_the_header_in_both_reports()
    {
        foreach (var mode in new[] { ProfileMode.Cpu, ProfileMode.Deterministic })
        {
            var shop = SampleProfiles.Shop(mode);
            var folded = new Profile(shop.Frames, shop.Threads, shop.Stacks, shop.Metadata with { FoldedMethods = 7 }, shop.Timings);
            string note = "Folded: 7 small instrumented methods have no frame of their own; their time is their callers' (HybridProfSmallMethodLimit=0 marks them).\n";
            Assert.Contains(note, TextReportWriter.Render(folded));
            Assert.DoesNotContain("Folded:", TextReportWriter.Render(shop));
        }
    }

    [Fact]
    public void Methods_marked_after_their_entry_guard_get_a_line_of_their_own()
    {
        foreach (var mode in new[] { ProfileMode.Cpu, ProfileMode.Deterministic })
        {
            var shop = SampleProfiles.Shop(mode);
            var guarded = new Profile(shop.Frames, shop.Threads, shop.Stacks, shop.Metadata with { FoldedMethods = 7, GuardedMethods = 3 }, shop.Timings);
            string notes = "Folded: 7 small instrumented methods have no frame of their own; their time is their callers' (HybridProfSmallMethodLimit=0 marks them).\n"
                + "Entry guards: 3 methods have a frame, and a call, only past the checks at their start or once their loop goes round again; a call that returns before is its caller's time (HybridProfSmallMethodLimit=0 marks them whole).\n";
            Assert.Contains(notes, TextReportWriter.Render(guarded));
            var guardsOnly = new Profile(shop.Frames, shop.Threads, shop.Stacks, shop.Metadata with { GuardedMethods = 1 }, shop.Timings);
            string report = TextReportWriter.Render(guardsOnly);
            Assert.Contains("Entry guards: 1 method has a frame, and a call, only past the checks at its start or once its loop goes round again;", report);
            Assert.DoesNotContain("Folded:", report);
        }
    }

    [Fact]
    public void Rows_are_sorted_by_own_weight_then_name()
    {
        var profile = SampleProfiles.FromCollapsed(("main;b", 5), ("main;a", 5), ("main;c", 9), ("main", 1));
        var names = Rows(TextReportWriter.Render(profile)).Select(r => Columns(r)[4]).ToArray();
        Assert.Equal(new[] { "c", "a", "b", "main" }, names);
    }

    [Fact]
    public void Recursion_counts_once_per_stack_in_total()
    {
        var profile = SampleProfiles.FromCollapsed(("run;fib;fib;fib", 6), ("run;fib;fib", 2), ("run", 2));
        var fib = Columns(Rows(TextReportWriter.Render(profile)).Single(r => r.Contains("fib")));
        Assert.Equal(new[] { "80.00", "80.00", "8", "8", "fib" }, fib);
        var run = Columns(Rows(TextReportWriter.Render(profile)).Single(r => r.Contains("run")));
        Assert.Equal(new[] { "20.00", "100.00", "2", "10", "run" }, run);
    }

    [Fact]
    public void File_and_line_follow_the_function()
    {
        var row = Rows(TextReportWriter.Render(SampleProfiles.Shop())).Single(r => r.Contains("Shop.Parse"));
        Assert.EndsWith("Shop.Parse(string)            (src/Shop/Parser.cs:42)", row);
        var gc = Rows(TextReportWriter.Render(SampleProfiles.Shop())).Single(r => r.Contains("[GC]"));
        Assert.EndsWith("  [GC]", gc); // synthetic: no location, no trailing spaces
    }

    [Fact]
    public void Top_limits_the_rows()
    {
        string report = TextReportWriter.Render(SampleProfiles.Shop(), top: 3);
        Assert.Equal(3, Rows(report).Length);
        Assert.Contains("Top 3 of 11 functions by own samples", report);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextReportWriter(0));
    }

    [Fact]
    public void Deterministic_mode_reports_nanoseconds()
    {
        string report = TextReportWriter.Render(SampleProfiles.Shop(ProfileMode.Deterministic));
        Assert.StartsWith("Mode: deterministic   Total: 11,001 ns   Duration: 112.35 s\n", report);
        Assert.Contains("Own(ns)  Total(ns)  Function", report);
        Assert.DoesNotContain("Rate", report);
    }

    [Fact]
    public void Output_is_identical_under_any_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        string invariant = TextReportWriter.Render(SampleProfiles.Shop());
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            Assert.Equal(invariant, WrittenProfile.Text(new TextReportWriter(), SampleProfiles.Shop()));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Empty_profile_gives_header_and_empty_table()
    {
        var report = TextReportWriter.Render(Profile.Empty(new ProfileMetadata(ProfileMode.Wall, 50, TimeSpan.FromSeconds(2))));
        Assert.Equal(
            "Mode: wall   Samples: 0   Duration: 2.00 s   Rate: 50 Hz\nTop 0 of 0 functions by own samples\n\n" +
            "   %Own   %Total  OwnSamples  TotalSamples  Function\n",
            report);
    }
}
