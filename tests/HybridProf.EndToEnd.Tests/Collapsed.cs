namespace HybridProf.EndToEnd.Tests;

/// <summary>Folded-stack lines read back: frames root first and a count.</summary>
public sealed record Collapsed(IReadOnlyList<(string[] Frames, long Count)> Stacks)
{
    public static Collapsed Read(string path)
    {
        var stacks = File.ReadAllLines(path)
            .Where(l => l.Length > 0)
            .Select(l =>
            {
                int space = l.LastIndexOf(' ');
                return (l[..space].Split(';'), long.Parse(l[(space + 1)..]));
            })
            .ToList();
        return new Collapsed(stacks);
    }

    public long Total => Stacks.Sum(s => s.Count);

    /// <summary>Samples whose leaf frame ends with <paramref name="suffix"/>.</summary>
    public long OwnSamples(string suffix) => Stacks.Where(s => s.Frames[^1].EndsWith(suffix, StringComparison.Ordinal)).Sum(s => s.Count);

    /// <summary>Samples whose stack starts with <paramref name="prefix"/>, root first.</summary>
    public long SamplesUnder(params string[] prefix) =>
        Stacks.Where(s => s.Frames.Length >= prefix.Length && s.Frames.Take(prefix.Length).SequenceEqual(prefix)).Sum(s => s.Count);

    /// <summary>Every stack, one line each, for a failure message.</summary>
    public override string ToString() => string.Join('\n', Stacks.Select(s => string.Join(';', s.Frames) + " " + s.Count));

    public IEnumerable<string> AllFrames => Stacks.SelectMany(s => s.Frames).Distinct();
}
