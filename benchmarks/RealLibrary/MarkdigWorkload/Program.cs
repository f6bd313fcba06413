using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Markdig;

namespace MarkdigWorkload;

/// <summary>
/// Markdown to HTML with Markdig's advanced extensions, Markdig compiled from its own source into
/// this assembly (docs/benchmarks.md, "A real library: Markdig woven whole").
/// Usage: MarkdigWorkload [passes]. One pass renders every document of the corpus once. Prints
/// <c>elapsed_ms=…</c>, the time of the passes only (start-up and generating the corpus excluded),
/// and a check of the HTML that the plain and woven builds must agree on.
/// <c>MarkdigWorkload --write DIR</c> writes the corpus and its HTML into DIR instead, to look at.
/// </summary>
public static class Program
{
    private const int Documents = 40;
    private const int SectionsPerDocument = 2;
    private const int DefaultPasses = 15;

    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "--write")
        {
            return Write(args[1]);
        }
        int passes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : DefaultPasses;
        if (passes <= 0)
        {
            Console.Error.WriteLine("usage: MarkdigWorkload [passes > 0]");
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
        ulong check = 0;
        long html = 0;
        for (int pass = 0; pass < passes; pass++)
        {
            check = 14695981039346656037UL;
            html = 0;
            foreach (string document in corpus)
            {
                string output = Markdown.ToHtml(document, pipeline);
                html += output.Length;
                check = Fnv1a(check, output);
            }
        }
        double elapsed = watch.Elapsed.TotalMilliseconds;

        Console.WriteLine(FormattableString.Invariant(
            $"elapsed_ms={elapsed:0.0} passes={passes} documents={corpus.Length} markdown_chars={bytes} html_chars={html} check={check:x16}"));
        return 0;
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
