using System.Reflection;
using System.Runtime.Loader;

namespace SideBySide;

/// <summary>
/// One build of the workload, loaded into a context of its own so that the plain and the woven
/// build (the same types, and each its own copy of HybridProf) never see each other's
/// assemblies. Its pass is the entry type's <c>public static Func&lt;ulong&gt; CreatePass()</c>.
/// </summary>
internal sealed class BuildUnderTest
{
    public string Name { get; }

    public Func<ulong> Pass { get; }

    private BuildUnderTest(string name, Func<ulong> pass)
    {
        Name = name;
        Pass = pass;
    }

    /// <summary>Loads <paramref name="path"/> and makes its pass; a clear message when that cannot be done.</summary>
    public static BuildUnderTest Load(string name, string path)
    {
        string fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new UsageException($"{name} build not found: {fullPath}");
        var context = new OwnFolderLoadContext(fullPath);
        Assembly assembly = context.LoadFromAssemblyPath(fullPath);
        MethodInfo? create = assembly.EntryPoint?.DeclaringType?.GetMethod("CreatePass", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes);
        if (create is null || create.ReturnType != typeof(Func<ulong>))
            throw new UsageException($"{fullPath} has no 'public static Func<ulong> CreatePass()' on the type of its Main");
        return new BuildUnderTest(name, (Func<ulong>)create.Invoke(null, null)!);
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
