using System.Runtime.CompilerServices;
using System.Text;

namespace HybridProf.Generators.Tests.Infrastructure;

/// <summary>
/// Compares text with a file under <c>Golden/</c> in the source tree. With
/// <c>HYBRIDPROF_BLESS=1</c> it rewrites the file instead; otherwise a mismatch fails with
/// a line diff and the path of the actual output.
/// </summary>
internal static class Golden
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        string path = Path.Combine(GoldenDirectory(callerPath), name);
        actual = actual.Replace("\r\n", "\n");

        if (Environment.GetEnvironmentVariable("HYBRIDPROF_BLESS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        string expected = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : "";
        if (expected == actual)
            return;

        string actualPath = Path.Combine(Path.GetTempPath(), "hybridprof-golden", name);
        Directory.CreateDirectory(Path.GetDirectoryName(actualPath)!);
        File.WriteAllText(actualPath, actual);
        Assert.Fail(
            $"{name} differs from the golden file.\n" +
            $"  expected: {path}{(File.Exists(path) ? "" : " (missing)")}\n" +
            $"  actual:   {actualPath}\n" +
            $"Run with HYBRIDPROF_BLESS=1 to accept the actual output.\n\n" +
            LineDiff.Format(expected.Split('\n'), actual.Split('\n')));
    }

    /// <summary>The <c>Golden</c> folder next to the test sources (the caller lives under the project).</summary>
    private static string GoldenDirectory(string callerPath)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(callerPath)!); dir is not null; dir = dir.Parent)
        {
            if (dir.GetFiles("*.csproj").Length > 0)
                return Path.Combine(dir.FullName, "Golden");
        }
        throw new InvalidOperationException($"no project folder above {callerPath}");
    }
}

/// <summary>A minimal line diff (longest common subsequence), <c>-</c> expected, <c>+</c> actual.</summary>
internal static class LineDiff
{
    public static string Format(string[] expected, string[] actual)
    {
        int n = expected.Length, m = actual.Length;
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                lcs[i, j] = expected[i] == actual[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var sb = new StringBuilder();
        int a = 0, b = 0;
        while (a < n || b < m)
        {
            if (a < n && b < m && expected[a] == actual[b])
            {
                a++;
                b++;
            }
            else if (b < m && (a == n || lcs[a, b + 1] >= lcs[a + 1, b]))
                sb.Append($"+{b + 1,4}: ").AppendLine(actual[b++]);
            else
                sb.Append($"-{a + 1,4}: ").AppendLine(expected[a++]);
        }
        return sb.ToString();
    }
}
