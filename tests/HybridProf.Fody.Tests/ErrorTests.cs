using Fody;
using Mono.Cecil;

namespace HybridProf.Fody.Tests;

public class ErrorTests
{
    [Fact]
    public void A_listed_method_that_is_missing_fails_the_build_naming_it()
    {
        string input = Path.Combine(Path.GetDirectoryName(WovenInput.Get("Optimized").Result.AssemblyPath)!, "..", "WeaverInput.Optimized.dll");
        string copy = Path.Combine(Path.GetTempPath(), "hybridprof-weaver-tests", "missing-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(copy);
        foreach (string file in Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(input))!))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));

        var result = new ModuleWeaver().ExecuteTestRun(
            Path.Combine(copy, "WeaverInput.Optimized.dll"),
            runPeVerify: false,
            beforeExecuteCallback: module =>
            {
                var method = module.GetType("WeaverInput.ClassWithSyncShapes").Methods.Single(m => m.Name == "StaticAdd");
                method.Name = "RenamedAfterGeneration";
            });

        var error = Assert.Single(result.Errors);
        Assert.Contains("cannot find 'WeaverInput.ClassWithSyncShapes.StaticAdd'", error.Text);
    }
}
