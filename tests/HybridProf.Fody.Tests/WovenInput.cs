using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Fody;
using HybridProf.Fody;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace HybridProf.Fody.Tests;

/// <summary>
/// A test-input assembly woven once per build configuration (Optimized = Release-like
/// struct state machines, Unoptimized = Debug-like), then loaded and run.
/// </summary>
public sealed class WovenInput
{
    private static readonly ConcurrentDictionary<string, WovenInput> s_cache = new();

    private WovenInput(string flavour)
    {
        var weaver = new ModuleWeaver();
        Result = weaver.ExecuteTestRun(PrivateCopy(flavour, flavour), runPeVerify: false, writeSymbols: true);
        WovenCount = weaver.WovenCount;
    }

    public static IEnumerable<object[]> Flavours => new[] { new object[] { "Optimized" }, new object[] { "Unoptimized" } };

    public TestResult Result { get; }

    public int WovenCount { get; }

    public Assembly Assembly => Result.Assembly;

    public static WovenInput Get(string flavour) => s_cache.GetOrAdd(flavour, f => new WovenInput(f));

    /// <summary>Calls a static method of the woven input and returns its result and the probe log.</summary>
    public (object? Result, List<string> Log) Call(string type, string method, params object?[] args)
    {
        var log = ProbeLog();
        log.Clear();
        var target = Assembly.GetType("WeaverInput." + type, throwOnError: true)!;
        var info = target.GetMethods().Single(m => m.Name == method && m.GetParameters().Length == args.Length
            && m.GetParameters().Zip(args).All(p => p.Second is null || p.First.ParameterType.IsInstanceOfType(p.Second) || p.First.ParameterType.IsByRef));
        object? result = info.Invoke(null, args);
        return (result, log.Cast<string>().ToList());
    }

    public IList ProbeLog() =>
        (IList)Assembly.GetType("WeaverInput.Probe", throwOnError: true)!.GetProperty("Log")!.GetValue(null)!;

    /// <summary>
    /// A private copy of the built input (with its dependencies), so weaving it leaves the
    /// built input plain for the next run. Returns the copied assembly's path.
    /// </summary>
    public static string PrivateCopy(string flavour, string label)
    {
        string source = InputPath(flavour);
        string dir = Path.Combine(Path.GetTempPath(), "hybridprof-weaver-tests", label + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        foreach (string file in Directory.GetFiles(Path.GetDirectoryName(source)!))
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        return Path.Combine(dir, Path.GetFileName(source));
    }

    private static string InputPath(string flavour)
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        string root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../"));
        string path = Path.Combine(root, "WeaverInputs", flavour, "bin", configuration, "net10.0", $"WeaverInput.{flavour}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("the weaver test input was not built", path);
    }
}
