using System.Reflection;
using Fody;
using HybridProf.Fody.Tests.Stress;

namespace HybridProf.Fody.Tests;

/// <summary>
/// One source compiled with the generator and woven (the size rule's and the entry guard's
/// tests): its table's flags by display name, the build's summary line, and calls into its
/// <c>Namespace.Shapes</c> class.
/// </summary>
internal sealed class WovenSource
{
    /// <summary>What every source starts with: the usings its code needs, and the whole assembly profiled.</summary>
    public const string Preamble = "using System;\nusing System.Collections.Generic;\nusing System.Threading.Tasks;\nusing HybridProf;\n\n[assembly: Profile]\n";

    private readonly Assembly _assembly;

    private readonly string _path;

    private readonly string _shapes;

    private readonly Lazy<Assembly> _plain;

    private readonly string _plainPath;

    private WovenSource(Assembly assembly, string path, string plainPath, string summary, string shapes)
    {
        _assembly = assembly;
        _path = path;
        _plainPath = plainPath;
        // The build before weaving, in a context of its own (its names are the woven one's).
        _plain = new(() => new System.Runtime.Loader.AssemblyLoadContext(plainPath).LoadFromAssemblyPath(plainPath));
        _shapes = shapes;
        Summary = summary;
        string data = (string)assembly.GetType("HybridProf.Generated.__HybridProfMethodTable")!
            .GetField("Data", BindingFlags.NonPublic | BindingFlags.Static)!.GetRawConstantValue()!;
        Flags = data.Split('\n').Skip(1).Select(l => l.Split('\t')).ToDictionary(f => f[2], f => f[1]);
    }

    public IReadOnlyDictionary<string, string> Flags { get; }

    public string Summary { get; }

    /// <param name="space">The source's namespace, which holds the <c>Shapes</c> class the calls go to.</param>
    /// <param name="limit">HybridProfSmallMethodLimit, or null for the default.</param>
    public static WovenSource Build(string source, string space, string? limit)
    {
        string label = space + (limit is null ? "default" : "limit" + limit);
        string dir = Path.Combine(Path.GetTempPath(), "hybridprof-size-rule", label + "-" + Guid.NewGuid().ToString("N")[..8]);
        var properties = limit is null ? null : new Dictionary<string, string> { ["HybridProfSmallMethodLimit"] = limit };
        string path = StressCompiler.Compile(source, dir, label, optimize: true, properties);
        var weaver = new ModuleWeaver();
        var result = weaver.ExecuteTestRun(path, runPeVerify: false, assemblyName: label + ".Woven", writeSymbols: true);
        Assert.Empty(result.Errors);
        string summary = Assert.Single(result.Messages, m => m.Text.StartsWith("instrumented ", StringComparison.Ordinal)).Text;
        return new WovenSource(result.Assembly, result.AssemblyPath, path, summary, space + ".Shapes");
    }

    /// <summary>The IL size of a method of the Shapes class as woven (a folded method's is its own).</summary>
    public int CodeSize(string method) => CodeSize(_path, method);

    /// <summary>The IL size of a method of the Shapes class as the compiler wrote it.</summary>
    public int PlainCodeSize(string method) => CodeSize(_plainPath, method);

    private int CodeSize(string path, string method)
    {
        using var module = Mono.Cecil.ModuleDefinition.ReadModule(path);
        return module.GetType(_shapes).Methods.Single(m => m.Name == method).Body.CodeSize;
    }

    /// <summary>
    /// The IL offsets and start lines of a woven Shapes method's sequence points, hidden ones left
    /// out, and where its outermost scope (its locals in a debugger) starts, as the PDB gives them.
    /// </summary>
    public (List<(int Offset, int Line)> Points, int ScopeStart) DebugInformation(string method)
    {
        using var module = Mono.Cecil.ModuleDefinition.ReadModule(_path, new Mono.Cecil.ReaderParameters { ReadSymbols = true });
        var debug = module.GetType(_shapes).Methods.Single(m => m.Name == method).DebugInformation;
        return (debug.SequencePoints.Where(p => !p.IsHidden).Select(p => (p.Offset, p.StartLine)).ToList(), debug.Scope.Start.Offset);
    }

    /// <summary>The marker call a woven method of the Shapes class begins with.</summary>
    public string PushCalledBy(string method)
    {
        using var module = Mono.Cecil.ModuleDefinition.ReadModule(_path);
        var shapes = module.GetType(_shapes);
        // A lambda by the start of its name, in the class or its closure classes.
        var body = shapes.Methods.Concat(shapes.NestedTypes.SelectMany(t => t.Methods))
            .Single(m => m.Name == method || (method.StartsWith('<') && m.Name.StartsWith(method, StringComparison.Ordinal))).Body;
        return body.Instructions.Select(i => i.Operand).OfType<Mono.Cecil.MethodReference>()
            .First(m => m.DeclaringType.FullName == "HybridProf.Markers.Marker").Name;
    }

    /// <summary>The Shapes class as loaded.</summary>
    public Type Type => _assembly.GetType(_shapes)!;

    public object Invoke(string method, params object[] args) =>
        _assembly.GetType(_shapes)!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, args)!;

    /// <summary>The same call into the build before weaving: what the woven method must return.</summary>
    public T CallPlain<T>(string method, params object[] args) =>
        (T)_plain.Value.GetType(_shapes)!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, args)!;

    public string Call(string method) => (string)Invoke(method);

    public T Call<T>(string method, params object[] args) => (T)Invoke(method, args);
}
