using HybridProf.Formats.Flamegraph;
using HybridProf.Formats.TextReport;
using HybridProf.Formats;
using HybridProf.Model;
using HybridProf.Tests.TestSupport;

namespace HybridProf.Tests.Formats;

public class FlamegraphGoldenTests
{
    // The script and style sheet are left out so these files change only when the drawing does.
    private static readonly FlamegraphOptions Drawing = new() { Title = "Shop <checkout> & co", InlineAssets = false };

    [Fact]
    public void Cpu_profile_matches_golden_file() =>
        Golden.Assert("flamegraph-cpu.svg", WrittenProfile.Text(new FlamegraphWriter(Drawing), SampleProfiles.Shop()));

    [Fact]
    public void Deterministic_profile_matches_golden_file() =>
        Golden.Assert(
            "flamegraph-deterministic.svg",
            WrittenProfile.Text(new FlamegraphWriter(Drawing with { Width = 600 }), SampleProfiles.Shop(ProfileMode.Deterministic)));

    [Fact]
    public void Text_report_matches_golden_file() =>
        Golden.Assert("report-cpu.txt", WrittenProfile.Text(new TextReportWriter(), SampleProfiles.Shop()));

    [Fact]
    public void Deterministic_text_report_matches_golden_file() =>
        Golden.Assert("report-deterministic.txt", WrittenProfile.Text(new TextReportWriter(top: 5), SampleProfiles.Shop(ProfileMode.Deterministic)));
}
