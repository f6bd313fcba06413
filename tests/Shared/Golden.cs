using System.Runtime.CompilerServices;
using System.Text;

namespace HybridProf.Testing;

/// <summary>
/// Golden-file assertions, shared by every test project. Expected outputs live in the
/// <c>Golden/</c> folder of the test project whose test calls this.
/// Run with <c>HYBRIDPROF_BLESS=1</c> to rewrite them from the actual output (then review the
/// git diff); otherwise a mismatch fails with a line diff and the path of the actual output.
/// </summary>
public static class Golden
{
    /// <summary>Environment variable that turns assertions into rewrites of the golden files.</summary>
    public const string BlessVariable = "HYBRIDPROF_BLESS";

    /// <summary>Asserts that <paramref name="actual"/> equals the golden file <paramref name="name"/> (line endings ignored).</summary>
    public static void Assert(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        actual = Normalize(actual);
        string source = Path.Combine(GoldenDirectory(callerPath), name);
        if (Environment.GetEnvironmentVariable(BlessVariable) == "1")
        {
            Bless(source, actual);
            return;
        }

        // Prefer the source tree, so a freshly blessed file counts before the next build copies it.
        string expectedPath = File.Exists(source) ? source : Path.Combine(AppContext.BaseDirectory, "Golden", name);
        string actualPath = Path.Combine(AppContext.BaseDirectory, "golden-actual", name);
        if (!File.Exists(expectedPath))
        {
            WriteActual(actualPath, actual);
            Xunit.Assert.Fail($"Golden file '{source}' does not exist. Actual output: {actualPath}\nRun with {BlessVariable}=1 to create it.");
        }

        string expected = Normalize(File.ReadAllText(expectedPath));
        if (expected == actual)
            return;
        WriteActual(actualPath, actual);
        Xunit.Assert.Fail(
            $"Output differs from golden file {expectedPath}\nActual output written to {actualPath}\n" +
            $"Run with {BlessVariable}=1 to accept it.\n--- expected\n+++ actual\n" +
            LineDiff.Render(expected.Split('\n'), actual.Split('\n')));
    }

    private static void Bless(string path, string actual)
    {
        if (!Directory.Exists(Path.GetDirectoryName(path)))
            Xunit.Assert.Fail($"Cannot bless '{path}': the source tree is not where this test was compiled.");
        File.WriteAllText(path, actual, new UTF8Encoding(false));
    }

    private static void WriteActual(string path, string actual)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, actual, new UTF8Encoding(false));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    // The compiler records the calling test's path; its project folder holds Golden/.
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
