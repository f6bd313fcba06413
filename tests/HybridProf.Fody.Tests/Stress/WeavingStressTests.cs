using System.Reflection;
using System.Runtime.Loader;
using CsCheck;
using Fody;

namespace HybridProf.Fody.Tests.Stress;

/// <summary>
/// Random programs compiled with the generator, run plain and woven: the output must be
/// identical, and no frame may be left on the shadow stack. A bounded number per run. Most are
/// woven with every method marked (HybridProfSmallMethodLimit=0), to weave every shape; every
/// third with the default size rule, which leaves small methods unmarked among marked ones.
/// </summary>
public class WeavingStressTests
{
    [Fact]
    public void Random_programs_print_the_same_woven_and_plain()
    {
        int index = 0;
        ProgramShapes.Program.Sample(source =>
        {
            string dir = Path.Combine(Path.GetTempPath(), "hybridprof-stress", Guid.NewGuid().ToString("N")[..8]);
            bool markAll = index % 3 != 0;
            var properties = markAll ? new Dictionary<string, string> { ["HybridProfSmallMethodLimit"] = "0" } : null;
            string path = StressCompiler.Compile(source, dir, $"Stress{index++}", optimize: index % 2 == 0, properties);
            string plain = Run(path);

            var weaver = new ModuleWeaver();
            var woven = weaver.ExecuteTestRun(Path.Combine(dir, Path.GetFileName(path)), runPeVerify: false,
                assemblyName: Path.GetFileNameWithoutExtension(path) + ".Woven");
            Assert.Empty(woven.Errors);
            if (markAll)
                Assert.True(weaver.WovenCount >= 5, $"only {weaver.WovenCount} methods woven in:\n{source}");
            string wovenOutput = (string)woven.Assembly.GetType("Generated.Program")!.GetMethod("Run")!.Invoke(null, null)!;

            Assert.Equal(plain, wovenOutput);
            Assert.Empty(Profiler.CurrentStack());
        }, iter: 12, threads: 1);
    }

    private static string Run(string path)
    {
        var context = new AssemblyLoadContext(path, isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(path);
            return (string)assembly.GetType("Generated.Program")!.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }
}
