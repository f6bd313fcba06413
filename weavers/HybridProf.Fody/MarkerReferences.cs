using Fody;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HybridProf.Fody;

/// <summary>The runtime members woven code calls, imported into the module being woven.</summary>
internal sealed class MarkerReferences
{
    public MarkerReferences(ModuleDefinition module, System.Func<string, TypeDefinition> findType, FieldDefinition tableBase)
    {
        var marker = findType("HybridProf.Markers.Marker");
        var asyncMarker = findType("HybridProf.Markers.AsyncMarker");
        ShadowStack = module.ImportReference(findType("HybridProf.Markers.ShadowStack"));
        AsyncNode = module.ImportReference(findType("HybridProf.Markers.AsyncNode"));
        MarkerFrame = module.ImportReference(findType("HybridProf.Markers.MarkerFrame"));
        Push = module.ImportReference(Find(marker, "Push", 1));
        PushInlinable = module.ImportReference(Find(marker, "PushInlinable", 1));
        Pop = module.ImportReference(Find(marker, "Pop", 1));
        EnterAsyncMethod = module.ImportReference(Find(asyncMarker, "EnterMethod", 3));
        EnterAsyncIterator = module.ImportReference(Find(asyncMarker, "EnterIterator", 3));
        Suspend = module.ImportReference(Find(asyncMarker, "Suspend", 1));
        ExitAsync = module.ImportReference(Find(asyncMarker, "Exit", 3));
        TableBase = tableBase;
    }

    public TypeReference ShadowStack { get; }
    public TypeReference AsyncNode { get; }
    public TypeReference MarkerFrame { get; }
    public MethodReference Push { get; }
    public MethodReference PushInlinable { get; }
    public MethodReference Pop { get; }
    public MethodReference EnterAsyncMethod { get; }
    public MethodReference EnterAsyncIterator { get; }
    public MethodReference Suspend { get; }
    public MethodReference ExitAsync { get; }
    public FieldReference TableBase { get; }

    /// <summary><c>Base + localId</c>: the process-wide id of a table entry.</summary>
    public Instruction[] LoadGlobalId(ILProcessor il, int localId) => new[]
    {
        il.Create(OpCodes.Ldsfld, TableBase),
        il.Create(OpCodes.Ldc_I4, localId),
        il.Create(OpCodes.Add),
    };

    /// <summary>The runtime's public <paramref name="name"/> with that many parameters; a clear error when the runtime is of another version.</summary>
    public static MethodDefinition Find(TypeDefinition type, string name, int parameters)
    {
        foreach (var m in type.Methods)
        {
            if (m.Name == name && m.Parameters.Count == parameters && m.IsPublic)
                return m;
        }
        throw new WeavingException($"the HybridProf runtime has no {type.FullName}.{name} with {parameters} parameters; the package's runtime and weaver versions do not match");
    }
}
