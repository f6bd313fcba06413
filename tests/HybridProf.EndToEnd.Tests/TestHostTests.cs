using System.Xml.Linq;

namespace HybridProf.EndToEnd.Tests;

/// <summary>
/// <c>dotnet test</c> on a woven xunit suite with <c>HYBRIDPROF_OUTPUT</c> set. VSTest gives the
/// test host about 100 ms to exit after the last test and then kills it, so a profile written
/// only at exit was lost at 1 kHz; it must be there in every mode, whole, and alone in its
/// folder (no temporary file left by a write the kill cut short).
/// </summary>
[Collection(PackedAppCollection.Name)]
public sealed class TestHostTests(PackedApp app)
{
    private static readonly object s_buildLock = new();
    private static string? s_suite;

    [Theory]
    [InlineData("cpu", "collapsed", false)]
    [InlineData("wall", "collapsed", false)]
    [InlineData("deterministic", "collapsed", false)]
    [InlineData("deterministic", "txt", false)]
    // The host's own exit work outlasts the runner's wait, so the runner kills it mid-exit.
    [InlineData("cpu", "collapsed", true)]
    [InlineData("deterministic", "txt", true)]
    public void Dotnet_test_leaves_the_profile_of_a_suite_busy_until_its_last_test(string mode, string extension, bool slowShutdown)
    {
        string suite = BuiltSuite();
        string folder = Path.Combine(app.Root, "test-host-" + Guid.NewGuid().ToString("N")[..6]);
        string output = Path.Combine(folder, $"{mode}.{extension}");

        var run = ProcessRunner.Run("dotnet", "test -c Release --no-build", suite, new Dictionary<string, string>
        {
            ["HYBRIDPROF_OUTPUT"] = output,
            ["HYBRIDPROF_MODE"] = mode,
            ["HYBRIDPROF_RATE"] = "1000",
            ["SUITE_SLOW_SHUTDOWN"] = slowShutdown ? "1" : "0",
        }, TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.True(File.Exists(output), $"no profile at {output}\n{run.Stdout}{run.Stderr}");
        Assert.Equal(new[] { output }, Directory.GetFileSystemEntries(folder));
        if (extension == "collapsed")
        {
            var profile = Collapsed.Read(output);
            Assert.True(profile.Total > 0, "an empty profile");
            Assert.Contains(profile.AllFrames, f => f.EndsWith("SuiteUnderTest.BurnTests.Burns", StringComparison.Ordinal));
            Assert.Contains(profile.AllFrames, f => f.EndsWith("SuiteUnderTest.Burner.Spin", StringComparison.Ordinal));
        }
        else
        {
            string report = File.ReadAllText(output);
            Assert.Contains("function calls", report);
            Assert.Contains("Burner.Spin", report);
        }
    }

    /// <summary>The suite, built once for all cases against the package under test.</summary>
    private string BuiltSuite()
    {
        lock (s_buildLock)
        {
            if (s_suite is not null)
                return s_suite;
            string template = Path.Combine(AppContext.BaseDirectory, "TestSuite");
            string directory = Path.Combine(app.Root, "suite");
            Directory.CreateDirectory(directory);
            File.Copy(Path.Combine(template, "BurnTests.cs"), Path.Combine(directory, "BurnTests.cs"));
            File.WriteAllText(Path.Combine(directory, "SuiteUnderTest.csproj"), File.ReadAllText(Path.Combine(template, "SuiteUnderTest.csproj.template"))
                .Replace("$VERSION$", app.Version)
                .Replace("$TEST_SDK$", PinnedVersion("Microsoft.NET.Test.Sdk"))
                .Replace("$XUNIT$", PinnedVersion("xunit"))
                .Replace("$XUNIT_RUNNER$", PinnedVersion("xunit.runner.visualstudio")));
            File.WriteAllText(Path.Combine(directory, "nuget.config"), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "App", "nuget.config.template")).Replace("$FEED$", app.Feed));
            ProcessRunner.RunChecked("dotnet", "build -c Release", directory, timeout: TimeSpan.FromMinutes(10));
            return s_suite = directory;
        }
    }

    // The versions this repository's own tests use (Directory.Packages.props), so the suite restores from the same mirror.
    private static string PinnedVersion(string package) =>
        XDocument.Load(Path.Combine(PackedApp.RepositoryRoot, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == package)
            .Attribute("Version")!.Value;
}
