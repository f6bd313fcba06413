using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using HybridProf.EndToEnd.Tests;
using Xunit.Abstractions;

namespace HybridProf.Cli.Tests;

/// <summary>
/// Zero-edit: the real tool builds a small solution that knows nothing of HybridProf (an app, a
/// library, a test project: tests/ZeroEditSolution) with HybridProf injected, runs it and profiles
/// it; the solution's files and its own bin/ and obj/ stay as they were.
/// </summary>
public sealed class ZeroEditTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hybridprof-zero-edit-").FullName;

    private string BuildDirectory => Path.Combine(_root, "builds");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Record_dotnet_run_profiles_the_app_and_its_library_and_changes_no_file_of_the_solution()
    {
        string solution = FreshCopy("run");
        string profile = Path.Combine(_root, "run.collapsed");

        var run = Tool(solution, $"record -o \"{profile}\" --build-dir \"{BuildDirectory}\" -- dotnet run --project Shop.App -c Release -- 1.5");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("checksum", run.Stdout); // the app's own output
        var stacks = Collapsed.Read(profile);
        long underChain = stacks.SamplesUnder("Shop.App.Program.Main", "Shop.App.Report.Run", "Shop.Lib.Pricing.ChecksumFor", "Shop.Lib.Pricing.Checksum");
        // Cpu mode: a machine busy with other tests gives the app less CPU in its 1.5 s.
        Assert.True(stacks.Total >= 20, $"{stacks.Total} samples");
        Assert.True(underChain >= stacks.Total * 0.9, $"{underChain} of {stacks.Total} samples under Main;Report.Run;ChecksumFor;Checksum");
        Assert.Empty(GitStatus(solution));
        AssertPlainBuildIsUnwoven(solution, Path.Combine("Shop.App", "bin", "Release", "net10.0"), "Shop.App.dll", "Shop.Lib.dll");
    }

    [Fact]
    public void Record_dotnet_test_profiles_the_test_methods_and_the_library_under_test()
    {
        string solution = FreshCopy("test");
        string profile = Path.Combine(_root, "test.collapsed");

        var run = Tool(solution, $"record -o \"{profile}\" --build-dir \"{BuildDirectory}\" -- dotnet test");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var stacks = Collapsed.Read(profile);
        long underTest = stacks.SamplesUnder("Shop.Tests.PricingTests.Checksum_is_the_same_every_time", "Shop.Lib.Pricing.ChecksumFor", "Shop.Lib.Pricing.Checksum");
        Assert.True(underTest >= 20 && underTest >= stacks.Total * 0.9, $"{underTest} of {stacks.Total} samples under the test method and the library:\n{stacks}");
        Assert.Empty(GitStatus(solution));
        AssertPlainBuildIsUnwoven(solution, Path.Combine("Shop.Tests", "bin", "Debug", "net10.0"), "Shop.Tests.dll", "Shop.Lib.dll");
    }

    [Fact]
    public void Build_writes_a_woven_app_to_deploy_that_profiles_itself()
    {
        // An analyzer package, as ordinary projects reference, does not make the library a build extension.
        string solution = FreshCopy("build", copy =>
        {
            string library = Path.Combine(copy, "Shop.Lib", "Shop.Lib.csproj");
            File.WriteAllText(library, File.ReadAllText(library).Replace("</Project>",
                """  <ItemGroup><PackageReference Include="Microsoft.CodeAnalysis.NetAnalyzers" Version="11.0.100" PrivateAssets="all" /></ItemGroup>""" + "\n</Project>"));
        });
        string woven = Path.Combine(_root, "woven");

        var build = Tool(solution, $"build --project Shop.App -o \"{woven}\" --build-dir \"{BuildDirectory}\"");

        Assert.True(build.ExitCode == 0, build.Stderr);
        Assert.Contains($"wrote a woven build to {woven}", build.Stderr);
        Assert.True(ReferencesHybridProf(Path.Combine(woven, "Shop.App.dll")) && ReferencesHybridProf(Path.Combine(woven, "Shop.Lib.dll")), "the woven build does not call the runtime");
        string profile = Path.Combine(_root, "woven.collapsed");
        ProcessRunner.RunChecked("dotnet", $"\"{Path.Combine(woven, "Shop.App.dll")}\" 0.5", woven, new Dictionary<string, string> { ["HYBRIDPROF_OUTPUT"] = profile });
        Assert.Contains("Shop.App.Report.Run;Shop.Lib.Pricing.ChecksumFor", File.ReadAllText(profile));
        Assert.Empty(GitStatus(solution));
    }

    [Fact]
    public void Projects_and_methods_can_be_left_out_and_nothing_is_fetched_from_a_feed()
    {
        string solution = FreshCopy("leave-out");
        // No package source at all: what the tool injects it carries itself (the app and the
        // library restore nothing of their own).
        File.WriteAllText(Path.Combine(solution, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /></packageSources></configuration>
            """);
        string leaveOut = Path.Combine(_root, "leave-out.txt");
        File.WriteAllText(leaveOut, "# the hot loop's middle frame\nShop.Lib.Pricing.Checksum\n");
        string profile = Path.Combine(_root, "leave-out.collapsed");

        var run = Tool(solution, $"record -o \"{profile}\" --build-dir \"{BuildDirectory}\" --skip-projects Shop.App --leave-out \"{leaveOut}\" -- dotnet run --project Shop.App -- 1");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var stacks = Collapsed.Read(profile);
        string[] frames = stacks.AllFrames.ToArray();
        Assert.DoesNotContain(frames, f => f.StartsWith("Shop.App.", StringComparison.Ordinal));
        Assert.DoesNotContain("Shop.Lib.Pricing.Checksum", frames);
        long mixUnderChecksumFor = stacks.SamplesUnder("Shop.Lib.Pricing.ChecksumFor", "Shop.Lib.Pricing.Mix");
        Assert.True(mixUnderChecksumFor >= 20 && mixUnderChecksumFor >= stacks.Total * 0.9, $"{mixUnderChecksumFor} of {stacks.Total} samples in ChecksumFor;Mix");
    }

    [Fact]
    public void A_project_with_its_own_Fody_add_in_and_weavers_file_gets_both_add_ins()
    {
        // The end-to-end tests' Costura app, without HybridProf: its FodyWeavers.xml lists Costura alone.
        string project = Path.Combine(_root, "costura");
        Directory.CreateDirectory(project);
        string source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "CosturaApp", "Program.cs"));
        File.WriteAllText(Path.Combine(project, "Program.cs"), source.Replace("[assembly: HybridProf.Profile]", ""));
        File.WriteAllText(Path.Combine(project, "CosturaApp.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Costura.Fody" Version="6.2.0" PrivateAssets="all" />
                <PackageReference Include="System.CommandLine" Version="2.0.15" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "FodyWeavers.xml"), "<Weavers><Costura /></Weavers>");
        string woven = Path.Combine(_root, "costura-woven");

        var build = Tool(project, $"build -o \"{woven}\" --build-dir \"{BuildDirectory}\"");

        Assert.True(build.ExitCode == 0, build.Stdout + build.Stderr);
        Assert.DoesNotContain("HPROF100", build.Stdout);
        Assert.Equal("<Weavers><Costura /></Weavers>", File.ReadAllText(Path.Combine(project, "FodyWeavers.xml")));
        Assert.False(File.Exists(Path.Combine(project, "FodyWeavers.xsd")), "Fody wrote its schema into the project");
        Assert.Contains("costura.system.commandline.dll.compressed", ResourcesOf(Path.Combine(woven, "CosturaApp.dll")));
        string profile = Path.Combine(_root, "costura.collapsed");
        ProcessRunner.RunChecked("dotnet", $"\"{Path.Combine(woven, "CosturaApp.dll")}\"", woven, new Dictionary<string, string> { ["HYBRIDPROF_OUTPUT"] = profile });
        Assert.Contains("CosturaApp.Program.Main;CosturaApp.Work.Burn", File.ReadAllText(profile));
    }

    [Fact]
    public void A_build_that_fails_is_one_line_and_nothing_runs()
    {
        string solution = FreshCopy("broken");
        File.AppendAllText(Path.Combine(solution, "Shop.Lib", "Pricing.cs"), "\nnot C# at all(\n");
        string profile = Path.Combine(_root, "broken.svg");

        var run = Tool(solution, $"record -o \"{profile}\" --build-dir \"{BuildDirectory}\" -- dotnet run --project Shop.App");

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.StderrLines, l => l.StartsWith("hybridprof: the build with HybridProf injected failed", StringComparison.Ordinal) && l.EndsWith("nothing was run.", StringComparison.Ordinal));
        Assert.DoesNotContain("checksum", run.Stdout);
        Assert.False(File.Exists(profile));
    }

    [Fact]
    public void A_command_that_runs_no_app_is_refused_in_one_line()
    {
        string solution = FreshCopy("verb");
        var run = Tool(solution, $"record -o \"{Path.Combine(_root, "x.svg")}\" -- dotnet build");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("hybridprof: record runs an app: `dotnet run`, `dotnet test`, `dotnet App.dll` or the app's own path; `dotnet build` is none of them (for a woven build to deploy, use `hybridprof build`).", Assert.Single(run.StderrLines));
        Assert.Empty(GitStatus(solution));
    }

    [Fact]
    public void A_file_based_app_is_refused_in_one_line_that_says_what_to_do()
    {
        string folder = FreshCopy("file-based");
        File.WriteAllText(Path.Combine(folder, "burn.cs"), "System.Console.WriteLine(1);");
        var run = Tool(folder, $"record -o \"{Path.Combine(_root, "file.svg")}\" -- dotnet run burn.cs");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("`dotnet project convert burn.cs`", Assert.Single(run.StderrLines));
    }

    [Fact]
    public void A_project_for_a_framework_it_cannot_instrument_builds_as_it_is_and_says_so()
    {
        string project = Path.Combine(_root, "Legacy");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Legacy.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net472</TargetFramework></PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Old.cs"), "namespace Legacy { public static class Old { public static int Answer() { return 42; } } }");

        var build = Tool(project, $"build -o \"{Path.Combine(_root, "legacy-out")}\" --build-dir \"{BuildDirectory}\"");

        Assert.Equal(1, build.ExitCode);
        Assert.Contains("HybridProf: Legacy targets net472; only .NET 8 and newer (and .NET Standard 2.0 libraries) can be instrumented, so it is built as it is.", build.Stdout);
        Assert.Contains("hybridprof: the build wrote", Assert.Single(build.StderrLines));
    }

    private ProcessRunner.Result Tool(string directory, string arguments)
    {
        var result = ProcessRunner.Run("dotnet", $"\"{Cli.CliPath}\" {arguments}", directory, timeout: TimeSpan.FromMinutes(5));
        output.WriteLine($"hybridprof {arguments}\nexit code {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        return result;
    }

    /// <summary>A copy of the solution under git, committed, so any file a build adds or changes shows.</summary>
    /// <param name="name">The copy's folder name.</param>
    /// <param name="change">A change to the copy's files before it is committed.</param>
    private string FreshCopy(string name, Action<string>? change = null)
    {
        string directory = Path.Combine(_root, name);
        CopyTree(Path.Combine(AppContext.BaseDirectory, "ZeroEditSolution"), directory);
        change?.Invoke(directory);
        Git(directory, "init -q");
        Git(directory, "add -A");
        Git(directory, "-c user.email=test@example.com -c user.name=test commit -q -m solution");
        return directory;
    }

    /// <summary>Every change, untracked and ignored file included (the copy has no .gitignore, so bin/ and obj/ would show).</summary>
    private static string GitStatus(string directory) =>
        ProcessRunner.RunChecked("git", "status --porcelain --untracked-files=all --ignored", directory).Stdout.Trim();

    private static void Git(string directory, string arguments) => ProcessRunner.RunChecked("git", arguments, directory);

    /// <summary>
    /// After the zero-edit run, a plain <c>dotnet build</c> of the same copy writes assemblies that
    /// do not even reference the runtime (so no marker call can be in them), and no runtime beside them.
    /// </summary>
    private void AssertPlainBuildIsUnwoven(string solution, string outputFolder, params string[] assemblies)
    {
        var build = ProcessRunner.RunChecked("dotnet", "build " + (outputFolder.Contains("Release") ? "Shop.App -c Release" : "Shop.Tests"), solution, timeout: TimeSpan.FromMinutes(5));
        output.WriteLine(build.Stdout);
        string folder = Path.Combine(solution, outputFolder);
        foreach (string assembly in assemblies)
            Assert.False(ReferencesHybridProf(Path.Combine(folder, assembly)), $"the plain build's {assembly} references HybridProf");
        Assert.False(File.Exists(Path.Combine(folder, "HybridProf.dll")), "the plain build's output holds the runtime");
    }

    private static List<string> ResourcesOf(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        var metadata = pe.GetMetadataReader();
        return metadata.ManifestResources.Select(h => metadata.GetString(metadata.GetManifestResource(h).Name)).ToList();
    }

    private static bool ReferencesHybridProf(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Any(r => metadata.GetString(metadata.GetAssemblyReference(r).Name) == "HybridProf");
    }

    private static void CopyTree(string from, string to)
    {
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
