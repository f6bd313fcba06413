using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace HybridProf.EndToEnd.Tests;

/// <summary>
/// HybridProf beside another real Fody add-in (Costura.Fody, which embeds an app's references
/// as resources): adding HybridProf must never switch the other one off, with or without the
/// user's own FodyWeavers.xml, and HPROF100 speaks only when FodyWeavers.xml lacks HybridProf.
/// Built with warnings as errors, so Fody's "this weaver will be skipped" and a false HPROF100
/// both fail the build.
/// </summary>
[Collection(PackedAppCollection.Name)]
public sealed class FodyCoexistenceTests(PackedApp app)
{
    [Theory]
    [InlineData(null)]
    [InlineData("<Weavers><Costura /><HybridProf /></Weavers>")]
    [InlineData("<Weavers>\n  <!-- HybridProf profiles, Costura embeds -->\n  <HybridProf />\n  <Costura />\n</Weavers>")]
    public void Both_add_ins_take_effect(string? weaversFile)
    {
        string directory = WriteApp(weaversFile);
        var build = ProcessRunner.Run("dotnet", "build -c Release -o out -warnaserror", directory, timeout: TimeSpan.FromMinutes(10));
        string output = build.Stdout + build.Stderr;
        Assert.True(build.ExitCode == 0, output);
        Assert.DoesNotContain("will be skipped", output);
        Assert.DoesNotContain("HPROF100", output);

        // Costura's work: the library reference is embedded in the app.
        Assert.Contains("costura.system.commandline.dll.compressed", ResourcesOf(Path.Combine(directory, "out", "CosturaApp.dll")));

        // HybridProf's work: the app profiles itself, frames named from its source.
        string profile = app.OutputPath("costura.collapsed");
        var run = ProcessRunner.Run("dotnet", "out/CosturaApp.dll", directory, new Dictionary<string, string> { ["HYBRIDPROF_OUTPUT"] = profile }, TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("CosturaApp.Work.Burn", File.ReadAllText(profile));
    }

    [Fact]
    public void A_weavers_file_without_HybridProf_gets_HPROF100()
    {
        string directory = WriteApp("<Weavers><Costura /></Weavers>");
        var build = ProcessRunner.Run("dotnet", "build -c Release -o out", directory, timeout: TimeSpan.FromMinutes(10));
        Assert.True(build.ExitCode == 0, build.Stdout + build.Stderr);
        Assert.Contains("HPROF100", build.Stdout);
    }

    private string WriteApp(string? weaversFile)
    {
        string directory = Path.Combine(app.Root, "costura-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(directory);
        string template = Path.Combine(AppContext.BaseDirectory, "CosturaApp");
        File.Copy(Path.Combine(template, "Program.cs"), Path.Combine(directory, "Program.cs"));
        File.WriteAllText(Path.Combine(directory, "CosturaApp.csproj"), File.ReadAllText(Path.Combine(template, "CosturaApp.csproj.template")).Replace("$VERSION$", app.Version));
        File.WriteAllText(Path.Combine(directory, "nuget.config"), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "App", "nuget.config.template")).Replace("$FEED$", app.Feed));
        if (weaversFile is not null)
            File.WriteAllText(Path.Combine(directory, "FodyWeavers.xml"), weaversFile);
        return directory;
    }

    private static List<string> ResourcesOf(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        var metadata = pe.GetMetadataReader();
        return metadata.ManifestResources.Select(h => metadata.GetString(metadata.GetManifestResource(h).Name)).ToList();
    }
}
