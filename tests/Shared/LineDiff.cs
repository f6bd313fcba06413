using System.Text;

namespace HybridProf.Testing;

/// <summary>A small line diff (longest common subsequence) for readable golden-file failures.</summary>
public static class LineDiff
{
    private const int Context = 2;
    private const int MaxOutputLines = 120;
    // Beyond this many cells the LCS table costs too much memory; show the first difference instead.
    private const long MaxCells = 16_000_000;

    /// <summary>Lines prefixed <c>-</c> (only in expected), <c>+</c> (only in actual) or a space, with a little context.</summary>
    public static string Render(string[] expected, string[] actual)
    {
        if ((long)(expected.Length + 1) * (actual.Length + 1) > MaxCells)
            return FirstDifference(expected, actual);

        var lcs = new int[expected.Length + 1, actual.Length + 1];
        for (int i = expected.Length - 1; i >= 0; i--)
            for (int j = actual.Length - 1; j >= 0; j--)
                lcs[i, j] = expected[i] == actual[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var ops = new List<(char Op, int Line, string Text)>();
        int a = 0, b = 0;
        while (a < expected.Length || b < actual.Length)
        {
            if (a < expected.Length && b < actual.Length && expected[a] == actual[b])
            {
                ops.Add((' ', a + 1, expected[a++]));
                b++;
            }
            else if (a < expected.Length && (b == actual.Length || lcs[a + 1, b] >= lcs[a, b + 1]))
                ops.Add(('-', a + 1, expected[a++]));
            else
                ops.Add(('+', b + 1, actual[b++]));
        }
        return Format(ops);
    }

    // Keeps changed lines and a few lines of context around them, numbered by their own file.
    private static string Format(List<(char Op, int Line, string Text)> ops)
    {
        var sb = new StringBuilder();
        int written = 0, lastShown = -1;
        for (int i = 0; i < ops.Count && written < MaxOutputLines; i++)
        {
            bool near = false;
            for (int k = Math.Max(0, i - Context); k <= Math.Min(ops.Count - 1, i + Context) && !near; k++)
                near = ops[k].Op != ' ';
            if (!near)
                continue;
            if (lastShown >= 0 && i > lastShown + 1)
                sb.Append("@@\n");
            sb.Append(ops[i].Op).Append(' ').Append(ops[i].Line.ToString().PadLeft(5)).Append(" | ").Append(ops[i].Text).Append('\n');
            lastShown = i;
            written++;
        }
        if (written == MaxOutputLines)
            sb.Append("... (diff cut)\n");
        return sb.ToString();
    }

    private static string FirstDifference(string[] expected, string[] actual)
    {
        int i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i])
            i++;
        return $"first difference at line {i + 1}:\n- {(i < expected.Length ? expected[i] : "<end>")}\n+ {(i < actual.Length ? actual[i] : "<end>")}\n";
    }
}
