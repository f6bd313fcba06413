namespace HybridProf.EndToEnd.Tests;

[Collection(PackedAppCollection.Name)]
public sealed class NativeAotTests(PackedApp app)
{
    [Fact]
    public void A_native_aot_build_profiles_with_no_aot_warnings_from_hybridprof()
    {
        string publish = Path.Combine(app.Root, "aot");
        string source = app.CopySources("aot-app");
        var result = ProcessRunner.RunChecked("dotnet", $"publish -c Release -r linux-x64 -p:PublishAot=true -o \"{publish}\"",
            source, timeout: TimeSpan.FromMinutes(15));
        Assert.DoesNotMatch(@"warning IL\d+.*HybridProf", result.Stdout);

        string output = app.OutputPath("aot.collapsed");
        var run = ProcessRunner.Run(Path.Combine(publish, "E2eApp"), "burn 2", app.AppDirectory,
            ProfileContentTests.Env(output, ("HYBRIDPROF_RATE", "1000")), TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.Stderr);

        var profile = Collapsed.Read(output);
        long heavy = profile.OwnSamples("Workloads.Heavy");
        long light = profile.OwnSamples("Workloads.Light");
        Assert.True(heavy + light > 500, $"only {heavy + light} samples");
        Assert.InRange(100.0 * heavy / (heavy + light), 70, 80);
    }
}
