using System.Reflection;
using System.Runtime.CompilerServices;

namespace HybridProf.Tests.Architecture;

/// <summary>
/// The directions the runtime's dependencies must never take (docs/architecture.md), checked
/// on the compiled runtime so that no later change can bring one back unnoticed.
/// </summary>
public class DependencyDirectionTests
{
    private static readonly Assembly Runtime = typeof(Profiler).Assembly;
    private static readonly NamespaceDependencies Dependencies = NamespaceDependencies.Read(Runtime.Location);

    [Fact]
    public void The_markers_use_nothing_but_the_base_library()
    {
        // The hot path: everything else plugs into it (MarkerSetup), never the other way round.
        AssertNone(Dependencies.Violations((from, _) => from == "HybridProf.Markers"));
    }

    [Fact]
    public void The_model_and_the_formats_know_neither_sampling_nor_markers_nor_sessions()
    {
        // Formats know only the model (and the analysis over it), so files can be read and
        // written without starting a profiler; the model knows nothing else at all.
        string[] runtimeParts = { "HybridProf.Markers", "HybridProf.Sampling", "HybridProf.Deterministic", "HybridProf.Session", "HybridProf.Agent", "HybridProf.Platform", "HybridProf.Methods", "HybridProf.Inspection" };
        AssertNone(Dependencies.Violations((from, to) =>
            (from == "HybridProf.Model" && to != "HybridProf.Model")
            || (IsIn(from, "HybridProf.Formats") && runtimeParts.Any(part => IsIn(to, part)))));
    }

    [Fact]
    public void The_platform_calls_know_nothing_of_the_profiler()
    {
        AssertNone(Dependencies.Violations((from, _) => from == "HybridProf.Platform"));
    }

    [Fact]
    public void The_agent_drives_sessions_and_the_sessions_do_not_know_the_agent()
    {
        // The composition root starts both; a session that started the agent closed a cycle.
        AssertNone(Dependencies.Violations((from, to) => from == "HybridProf.Session" && to == "HybridProf.Agent"));
    }

    [Fact]
    public void Nothing_in_the_runtime_knows_the_command_line_tool()
    {
        var friends = Runtime.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToList();
        Assert.DoesNotContain(friends, name => name.StartsWith("HybridProf.Cli", StringComparison.Ordinal));
        Assert.DoesNotContain(Runtime.GetReferencedAssemblies(), name => name.Name!.StartsWith("HybridProf.Cli", StringComparison.Ordinal));
    }

    [Fact]
    public void The_reader_sees_real_dependencies()
    {
        // Guards the guard: a reader that found no edges would pass every rule above.
        Assert.Contains("HybridProf.Markers", Dependencies.Uses("HybridProf.Sampling"));
        Assert.Contains("HybridProf.Model", Dependencies.Uses("HybridProf.Formats"));
    }

    private static void AssertNone(IReadOnlyList<string> violations) =>
        Assert.True(violations.Count == 0, "dependencies that must not exist:\n" + string.Join("\n", violations));

    private static bool IsIn(string ns, string part) => ns == part || ns.StartsWith(part + ".", StringComparison.Ordinal);
}
