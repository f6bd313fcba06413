using System.Globalization;
using HybridProf.Formats.Flamegraph;
using Microsoft.Playwright;

namespace HybridProf.Tests.Formats;

/// <summary>
/// The flamegraph's script, run for real in headless Chromium on the file a user would open:
/// zoom by clicking, reset, and search through the prompt, Ctrl+F and the script API.
/// </summary>
[Trait("Category", "Browser")]
public sealed class FlamegraphBrowserTests : IAsyncLifetime
{
    private const double FramesWidth = 1180;
    private const long Total = 11001;
    private const string Highlight = "rgb(230, 0, 230)";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hybridprof-flamegraph-{Guid.NewGuid():N}.svg");
    private HeadlessChromium? _chromium;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        await using (var file = File.Create(_path))
            new FlamegraphWriter().Write(SampleProfiles.Shop(), file);
        _chromium = await HeadlessChromium.LaunchAsync();
        _page = await _chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        _page.SetDefaultTimeout(30_000);
        var errors = new List<string>();
        _page.PageError += (_, error) => errors.Add(error);
        await _page.GotoAsync(new Uri(_path).AbsoluteUri);
        Assert.True(await _page.EvaluateAsync<bool>("() => typeof window.flamegraph === 'object'"), "flamegraph.js did not run: " + string.Join("; ", errors));
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
            await _chromium.DisposeAsync();
        File.Delete(_path);
    }

    [Fact]
    public async Task Clicking_a_frame_zooms_it_to_full_width_and_reset_restores()
    {
        double checkoutWidth = await WidthAsync("Shop.Checkout");
        Assert.Equal(FramesWidth * 8501 / Total, checkoutWidth, 2);
        Assert.False(await _page.Locator("#unzoom").IsVisibleAsync());

        await Frame("Shop.Checkout").ClickAsync();

        Assert.Equal(FramesWidth, await WidthAsync("Shop.Checkout"), 2);
        Assert.Equal(FramesWidth * 5000 / 8501, await WidthAsync("Shop.Parse(string)"), 2);
        Assert.Equal(FramesWidth, await WidthAsync("Program.Main"), 2); // ancestor: shown, full width
        Assert.True(await Frame("Program.Main").IsVisibleAsync());
        Assert.False(await Frame("Shop.Render<T>").IsVisibleAsync(), "a sibling stays visible after zoom");
        Assert.False(await Frame("Worker.Run").IsVisibleAsync(), "an unrelated frame stays visible after zoom");
        var box = await Frame("Shop.Checkout").BoundingBoxAsync();
        Assert.Equal(FramesWidth, box!.Width, 0);

        await _page.Locator("#unzoom").ClickAsync();

        Assert.Equal(checkoutWidth, await WidthAsync("Shop.Checkout"), 2);
        Assert.True(await Frame("Shop.Render<T>").IsVisibleAsync());
        Assert.True(await Frame("Worker.Run").IsVisibleAsync());
        Assert.False(await _page.Locator("#unzoom").IsVisibleAsync());
    }

    [Fact]
    public async Task Clicking_the_root_resets_zoom()
    {
        await Frame("Worker.Fib").First.ClickAsync();
        Assert.False(await Frame("Program.Main").IsVisibleAsync());
        await Frame("all").ClickAsync();
        Assert.True(await Frame("Program.Main").IsVisibleAsync());
        Assert.Equal(FramesWidth * 9001 / Total, await WidthAsync("Program.Main"), 2);
    }

    [Fact]
    public async Task Search_button_highlights_matches_and_shows_matched_share()
    {
        _page.Dialog += async (_, dialog) => await dialog.AcceptAsync("Parse");
        await _page.Locator("#search").ClickAsync();

        Assert.Equal(Highlight, await FillAsync("Shop.Parse(string)"));
        Assert.NotEqual(Highlight, await FillAsync("Shop.Checkout"));
        Assert.Equal(Matched(5000), await _page.Locator("#matched").TextContentAsync());
        Assert.Equal("Reset search", await _page.Locator("#search").TextContentAsync());

        await _page.Locator("#search").ClickAsync(); // now "Reset search"
        Assert.NotEqual(Highlight, await FillAsync("Shop.Parse(string)"));
        Assert.Equal("Search", await _page.Locator("#search").TextContentAsync());
    }

    [Fact]
    public async Task Ctrl_F_searches_by_regex_without_counting_nested_matches_twice()
    {
        _page.Dialog += async (_, dialog) => await dialog.AcceptAsync(@"Worker\.Fib");
        await _page.Locator("#frames").HoverAsync(); // focus the document, as a reader's mouse would
        await _page.Keyboard.PressAsync("Control+f");

        // Fib recurses three deep; the outermost Fib (800 samples) already covers the inner ones.
        Assert.Equal(Matched(800), await _page.Locator("#matched").TextContentAsync());
        var fills = await Frame("Worker.Fib").EvaluateAllAsync<string[]>("gs => gs.map(g => getComputedStyle(g.querySelector('rect')).fill)");
        Assert.Equal(new[] { Highlight, Highlight, Highlight }, fills);
    }

    [Fact]
    public async Task Search_api_merges_nested_matches_and_falls_back_to_substring()
    {
        double share = await _page.EvaluateAsync<double>("() => window.flamegraph.search('Checkout|Parse')");
        Assert.Equal(100.0 * 8501 / Total, share, 6); // Parse lies inside Checkout: counted once
        Assert.Equal(Matched(8501), await _page.Locator("#matched").TextContentAsync());

        // Not a valid regular expression: matched as text.
        await _page.EvaluateAsync("() => window.flamegraph.search('Parse(')");
        Assert.Equal(Matched(5000), await _page.Locator("#matched").TextContentAsync());
    }

    [Fact]
    public async Task Zooming_refits_labels_from_the_namespace_side_as_the_writer_does()
    {
        const string report = "Shop.Services.Analytics.Report", topInShard = "Shop.Services.Analytics.TopInShard";
        string path = Path.Combine(Path.GetTempPath(), $"hybridprof-flamegraph-labels-{Guid.NewGuid():N}.svg");
        try
        {
            await using (var file = File.Create(path))
            {
                var profile = SampleProfiles.FromCollapsed(($"Main;{report};{topInShard}", 16), ($"Main;{report}", 84), ("Main;Other", 900));
                new FlamegraphWriter().Write(profile, file);
            }
            await _page.GotoAsync(new Uri(path).AbsoluteUri);
            // 118 px of 7.2 px characters: 15, where only the type fits behind the ellipsis.
            Assert.Equal("\u2026Report", await LabelAsync(report));
            Assert.Equal("", await LabelAsync(topInShard));

            await Frame(report).ClickAsync();

            // 188.8 px now: 25 characters, the same fit the writer would have made at that width.
            Assert.Equal("\u2026Analytics.TopInShard", await LabelAsync(topInShard));
            Assert.Equal(FlameLabels.Fit(topInShard, FramesWidth * 16 / 100, 12), await LabelAsync(topInShard));
            Assert.Equal(report, await LabelAsync(report));

            await _page.Locator("#unzoom").ClickAsync();
            Assert.Equal("\u2026Report", await LabelAsync(report));
            Assert.Equal("", await LabelAsync(topInShard));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<string> LabelAsync(string name) =>
        await Frame(name).Locator("xpath=./*[local-name()='text']").TextContentAsync() ?? "";

    private ILocator Frame(string name) =>
        // SVG elements live in a namespace, hence local-name(); a frame's name is its tooltip's first line.
        _page.Locator($"xpath=//*[local-name()='g' and *[local-name()='title' and starts-with(., '{name}\n')]]");

    private async Task<double> WidthAsync(string name) =>
        double.Parse((await Frame(name).Locator("xpath=./*[local-name()='rect']").GetAttributeAsync("width"))!, CultureInfo.InvariantCulture);

    private Task<string> FillAsync(string name) =>
        Frame(name).EvaluateAsync<string>("g => getComputedStyle(g.querySelector('rect')).fill");

    private static string Matched(long weight) =>
        "Matched: " + (100.0 * weight / Total).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
