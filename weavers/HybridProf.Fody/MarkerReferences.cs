using Fody;
using Mono.Cecil;

namespace HybridProf.Fody;

/// <summary>The runtime members woven code calls, imported into the module being woven.</summary>
internal sealed class MarkerReferences
{
    public MarkerReferences(ModuleDefinition module, TypeDefinition marker, TypeDefinition shadowStack, FieldDefinition tableBase)
    {
        ShadowStack = module.ImportReference(shadowStack);
        Enter = module.ImportReference(Find(marker, "Enter", "System.Int32"));
        Exit = module.ImportReference(Find(marker, "Exit", "HybridProf.Markers.ShadowStack"));
        TableBase = tableBase;
    }

    public TypeReference ShadowStack { get; }
    public MethodReference Enter { get; }
    public MethodReference Exit { get; }
    public FieldReference TableBase { get; }

    private static MethodDefinition Find(TypeDefinition type, string name, string parameterType)
    {
        foreach (var m in type.Methods)
        {
            if (m.Name == name && m.Parameters.Count == 1 && m.Parameters[0].ParameterType.FullName == parameterType)
                return m;
        }
        throw new WeavingException($"the HybridProf runtime has no {type.FullName}.{name}({parameterType}); the package's runtime and weaver versions do not match");
    }
}
