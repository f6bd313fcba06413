using System.IO;
using System.Linq;
using System.Text;
using HybridProf.Model;

namespace HybridProf.Formats.Collapsed;

/// <summary>
/// The folded-stacks format of flamegraph.pl and inferno: one line per distinct stack,
/// frames root first joined by <c>;</c>, a space, the weight. Stacks that differ only by
/// thread are merged, and lines are sorted (ordinal) so output is deterministic.
/// </summary>
public sealed class CollapsedWriter : IProfileWriter
{
    /// <inheritdoc />
    public void Write(Profile profile, Stream output)
    {
        var lines = profile.Stacks
            .GroupBy(s => string.Join(";", profile.FrameNames(s).Select(Sanitize)))
            .Select(g => (Stack: g.Key, Weight: g.Sum(s => s.Samples)))
            .OrderBy(l => l.Stack, System.StringComparer.Ordinal);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        foreach (var (stack, weight) in lines)
            writer.WriteLine($"{stack} {weight}");
    }

    // A frame name must not contain the separators of the format itself.
    private static string Sanitize(string name) => name.Replace(';', ':').Replace('\n', ' ');
}
