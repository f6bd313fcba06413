using System.Reflection;
using System.Runtime.Loader;

namespace SideBySide;

/// <summary>
/// One build of the workload, loaded into a context of its own so that the plain and the woven
/// build (the same types, and each its own copy of HybridProf) never see each other's
/// assemblies. Its pass is made by the entry type's <c>public static Func&lt;ulong&gt;
/// CreatePass(string[] args)</c>, given the workload's arguments, or <c>CreatePass()</c>.
/// </summary>
internal sealed class BuildUnderTest
{
    public Func<ulong> Pass { get; }

    private BuildUnderTest(Func<ulong> pass) => Pass = pass;

    /// <summary>Loads <paramref name="path"/> and makes its pass; a clear message when that cannot be done.</summary>
    public static BuildUnderTest Load(string name, string path, string[] workloadArgs)
    {
        string fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new UsageException($"{name} build not found: {fullPath}");
        var context = new OwnFolderLoadContext(fullPath);
        Assembly assembly = context.LoadFromAssemblyPath(fullPath);
        Type? entry = assembly.EntryPoint?.DeclaringType;
        const BindingFlags PublicStatic = BindingFlags.Public | BindingFlags.Static;
        MethodInfo? withArgs = entry?.GetMethod("CreatePass", PublicStatic, [typeof(string[])]);
        MethodInfo? create = withArgs ?? entry?.GetMethod("CreatePass", PublicStatic, Type.EmptyTypes);
        if (create is null || create.ReturnType != typeof(Func<ulong>))
            throw new UsageException($"{fullPath} has no 'public static Func<ulong> CreatePass(string[] args)' or 'CreatePass()' on the type of its Main");
        if (withArgs is null && workloadArgs.Length > 0)
            throw new UsageException($"{fullPath} takes no workload arguments (its CreatePass has none)");
        try
        {
            object? pass = create.Invoke(null, withArgs is null ? null : [workloadArgs]);
            return new BuildUnderTest((Func<ulong>)pass!);
        }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentException bad)
        {
            throw new UsageException($"{name} build: {bad.Message}");
        }
    }

    /// <summary>Resolves a build's dependencies from its own folder, as when it runs alone.</summary>
    private sealed class OwnFolderLoadContext(string mainAssemblyPath) : AssemblyLoadContext(Path.GetFileName(mainAssemblyPath))
    {
        private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string? path = _resolver.ResolveAssemblyToPath(assemblyName);
            return path is null ? null : LoadFromAssemblyPath(path);
        }
    }
}

internal sealed class UsageException(string message) : Exception(message);
