using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace HybridProf.Generators.Tests.Infrastructure;

/// <summary>
/// The methods of an emitted assembly as the weaver sees them: Cecil-form type names,
/// metadata method names, canonical signatures computed from metadata (not from Roslyn)
/// and the state-machine attributes. A second, independent implementation of the contract.
/// </summary>
internal sealed record MetadataMethod(string Type, string Name, string Signature, IReadOnlyList<string> Attributes);

internal static class MetadataView
{
    public static IReadOnlyList<MetadataMethod> Read(byte[] image)
    {
        using var pe = new PEReader(ImmutableArray.Create(image));
        var reader = pe.GetMetadataReader();
        var methods = new List<MetadataMethod>();
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            string typeName = FullName(reader, type);
            var typeParameters = type.GetGenericParameters().Select(p => reader.GetString(reader.GetGenericParameter(p).Name)).ToArray();
            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                var methodParameters = method.GetGenericParameters().Select(p => reader.GetString(reader.GetGenericParameter(p).Name)).ToArray();
                var signature = method.DecodeSignature(new CanonicalTypeProvider(), (typeParameters, methodParameters));
                string name = reader.GetString(method.Name);
                string arity = methodParameters.Length > 0 ? $"``{methodParameters.Length}:" : "";
                string returns = name is "op_Implicit" or "op_Explicit" ? "~" + signature.ReturnType : "";
                methods.Add(new MetadataMethod(
                    typeName,
                    name,
                    arity + string.Join(",", signature.ParameterTypes) + returns,
                    method.GetCustomAttributes().Select(a => AttributeName(reader, reader.GetCustomAttribute(a))).ToList()));
            }
        }
        return methods;
    }

    private static string FullName(MetadataReader reader, TypeDefinition type)
    {
        string name = reader.GetString(type.Name);
        if (type.GetDeclaringType() is { IsNil: false } parent)
            return FullName(reader, reader.GetTypeDefinition(parent)) + "/" + name;
        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string AttributeName(MetadataReader reader, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference)
            return "";
        var parent = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
        return parent.Kind == HandleKind.TypeReference
            ? reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name)
            : "";
    }

    /// <summary>docs/method-table.md's canonical parameter types, computed from metadata.</summary>
    private sealed class CanonicalTypeProvider : ISignatureTypeProvider<string, (string[] Type, string[] Method)>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeDefinition(handle).Name);
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeReference(handle).Name);
        public string GetTypeFromSpecification(MetadataReader reader, (string[] Type, string[] Method) context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, context);

        // A nested type of a generic type carries its outer type's arguments first: keep its own.
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        {
            int tick = genericType.LastIndexOf('`');
            int arity = tick < 0 ? 0 : int.Parse(genericType[(tick + 1)..]);
            return arity == 0 ? genericType : genericType + "<" + string.Join(",", typeArguments.Skip(typeArguments.Length - arity)) + ">";
        }

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPinnedType(string elementType) => elementType;
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
        public string GetGenericMethodParameter((string[] Type, string[] Method) context, int index) => context.Method[index];
        public string GetGenericTypeParameter((string[] Type, string[] Method) context, int index) => context.Type[index];
    }
}
