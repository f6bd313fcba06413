using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Markdig;

namespace MarkdigWorkload;

/// <summary>
/// Markdown to HTML with Markdig's advanced extensions, Markdig compiled from its own source into
/// this assembly (docs/benchmarks.md, "A real library: Markdig woven whole").
/// Usage: MarkdigWorkload [passes] [warm-up passes]. One pass renders every document of the
/// corpus once. The warm-up passes (20 by default) run first, untimed, so that the timed passes
/// measure the steady state a long-running app is in, not the JIT's tier-up (which a woven build
/// reaches later: docs/benchmarks.md says how much). Prints <c>elapsed_ms=…</c>, the time of the
/// timed passes only, <c>median_pass_ms=…</c>, the median of their times, <c>warmup_ms=…</c>,
/// and a check of the HTML that the plain and woven builds must agree on.
/// <c>MarkdigWorkload --write DIR</c> writes the corpus and its HTML into DIR instead, to look at.
/// <see cref="CreatePass"/> is the same pass for a host that runs this build beside another.
/// </summary>
public static class Program
{
    private const int Documents = 40;
    private const int SectionsPerDocument = 2;
    private const int DefaultPasses = 60;
    private const int DefaultWarmUpPasses = 20;

    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "--write")
        {
            return Write(args[1]);
        }
        int passes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : DefaultPasses;
        int warmUp = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : DefaultWarmUpPasses;
        if (passes <= 0 || warmUp < 0)
        {
            Console.Error.WriteLine("usage: MarkdigWorkload [passes > 0] [warm-up passes >= 0]");
            return 2;
        }
        string[] corpus = Corpus.Generate(Documents, SectionsPerDocument);
        long bytes = 0;
        foreach (string document in corpus)
        {
            bytes += document.Length;
        }

        var watch = Stopwatch.StartNew();
        MarkdownPipeline pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
        Render(corpus, pipeline, warmUp, passTimes: null);
        double warmUpElapsed = watch.Elapsed.TotalMilliseconds;

        watch.Restart();
        var passTimes = new double[passes];
        var (check, html) = Render(corpus, pipeline, passes, passTimes);
        double elapsed = watch.Elapsed.TotalMilliseconds;
        Array.Sort(passTimes);

        Console.WriteLine(FormattableString.Invariant(
            $"elapsed_ms={elapsed:0.0} median_pass_ms={passTimes[passes / 2]:0.000} warmup_ms={warmUpElapsed:0.0} passes={passes} documents={corpus.Length} markdown_chars={bytes} html_chars={html} check={check:x16}"));
        return 0;
    }

    /// <summary>
    /// Renders the corpus <paramref name="passes"/> times; the last pass's check and HTML length.
    /// Each pass's time goes into <paramref name="passTimes"/> when given: their median is the
    /// steady state's figure that a slow spell of the machine during a few passes does not move.
    /// </summary>
    private static (ulong Check, long Html) Render(string[] corpus, MarkdownPipeline pipeline, int passes, double[]? passTimes)
    {
        ulong check = 0;
        long html = 0;
        for (int pass = 0; pass < passes; pass++)
        {
            long start = Stopwatch.GetTimestamp();
            check = 14695981039346656037UL;
            html = 0;
            foreach (string document in corpus)
            {
                string output = Markdown.ToHtml(document, pipeline);
                html += output.Length;
                check = Fnv1a(check, output);
            }
            if (passTimes is not null)
                passTimes[pass] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return (check, html);
    }

    /// <summary>
    /// One pass over the corpus as a call, for a host that loads this build beside another one in
    /// the same process and alternates their passes (benchmarks/SideBySide): the corpus and the
    /// pipeline are made here, once; each call renders every document and returns the check.
    /// </summary>
    public static Func<ulong> CreatePass()
    {
        string[] corpus = Corpus.Generate(Documents, SectionsPerDocument);
        MarkdownPipeline pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
        return () => Render(corpus, pipeline, passes: 1, passTimes: null).Check;
    }

    private static int Write(string folder)
    {
        Directory.CreateDirectory(folder);
        MarkdownPipeline pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
        string[] corpus = Corpus.Generate(Documents, SectionsPerDocument);
        for (int i = 0; i < corpus.Length; i++)
        {
            string name = Path.Combine(folder, FormattableString.Invariant($"doc{i:00}"));
            File.WriteAllText(name + ".md", corpus[i]);
            File.WriteAllText(name + ".html", Markdown.ToHtml(corpus[i], pipeline));
        }
        Console.WriteLine(FormattableString.Invariant($"wrote {corpus.Length} documents to {folder}"));
        return 0;
    }

    private static ulong Fnv1a(ulong hash, string text)
    {
        foreach (char c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}
