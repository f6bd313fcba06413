using Fody;
using Mono.Cecil;

namespace HybridProf.Fody.Tests;

public class ErrorTests
{
    [Fact]
    public void A_listed_method_that_is_missing_fails_the_build_naming_it()
    {
        var result = new ModuleWeaver().ExecuteTestRun(
            WovenInput.PrivateCopy("Optimized", "missing"),
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
