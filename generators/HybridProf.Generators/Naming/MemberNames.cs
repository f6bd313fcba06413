using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HybridProf.Generators.Naming;

/// <summary>
/// The member part of a frame name (after <c>Type.</c>): <c>Get</c>, <c>.ctor</c>,
/// <c>operator +</c>, <c>implicit operator int</c>, <c>~Node</c>, <c>IFoo.Bar</c>, an
/// accessor's property <c>Value</c> or <c>this[]</c>; the same with parameter types, for
/// overloads (<c>Get(int)</c>, <c>this[string]</c>); and an accessor's verb (<c>.get</c>,
/// <c>.set</c>, <c>.init</c>, <c>.add</c>, <c>.remove</c>, otherwise empty).
/// </summary>
internal static class MemberNames
{
    /// <param name="method">The method.</param>
    /// <param name="declaration">Its declaration (operators are named from their tokens).</param>
    /// <param name="parameters">Its parameters as metadata has them (an extension member's receiver first).</param>
    public static (string Short, string WithParameters, string Verb) Of(
        IMethodSymbol method, SyntaxNode declaration, IEnumerable<IParameterSymbol> parameters)
    {
        var (name, withParameters) = Name(method, declaration, "(" + DisplayFormats.Parameters(parameters) + ")");
        return (name, withParameters, Verb(method));
    }

    private static (string Short, string WithParameters) Name(IMethodSymbol method, SyntaxNode declaration, string parameters)
    {
        switch (method.MethodKind)
        {
            case MethodKind.Constructor:
                return (".ctor", ".ctor" + parameters);
            case MethodKind.StaticConstructor:
                return (".cctor", ".cctor");
            case MethodKind.Destructor:
                return ("~" + method.ContainingType.Name, "~" + method.ContainingType.Name);
            case MethodKind.UserDefinedOperator:
            case MethodKind.Conversion:
                string op = Operator(method, declaration);
                return (op, op + parameters);
            case MethodKind.PropertyGet:
            case MethodKind.PropertySet:
            case MethodKind.EventAdd:
            case MethodKind.EventRemove:
                return Accessor(method);
            default:
                string name = Interface(method.ExplicitInterfaceImplementations.FirstOrDefault()) +
                    (method.ExplicitInterfaceImplementations.FirstOrDefault()?.Name ?? method.Name) +
                    DisplayFormats.TypeParameters(method);
                return (name, name + parameters);
        }
    }

    private static string Operator(IMethodSymbol method, SyntaxNode declaration)
    {
        switch (declaration)
        {
            case OperatorDeclarationSyntax op:
                return "operator " + Checked(op.CheckedKeyword) + op.OperatorToken.Text;
            case ConversionOperatorDeclarationSyntax conversion:
                return conversion.ImplicitOrExplicitKeyword.Text + " operator " +
                    Checked(conversion.CheckedKeyword) + DisplayFormats.ShortType(method.ReturnType);
            default:
                return method.Name;
        }
    }

    private static string Checked(SyntaxToken keyword) =>
        keyword.IsKind(SyntaxKind.CheckedKeyword) ? "checked " : "";

    private static string Verb(IMethodSymbol method) => method.MethodKind switch
    {
        MethodKind.PropertyGet => ".get",
        MethodKind.PropertySet => method.IsInitOnly ? ".init" : ".set",
        MethodKind.EventAdd => ".add",
        MethodKind.EventRemove => ".remove",
        _ => "",
    };

    /// <summary>The property, indexer or event of an accessor: <c>Value</c>, <c>this[]</c> / <c>this[int]</c>.</summary>
    private static (string, string) Accessor(IMethodSymbol accessor)
    {
        switch (accessor.AssociatedSymbol)
        {
            case IPropertySymbol { IsIndexer: true } indexer:
                string prefix = Interface(indexer.ExplicitInterfaceImplementations.FirstOrDefault());
                return (prefix + "this[]", prefix + "this[" + DisplayFormats.Parameters(indexer.Parameters) + "]");
            case IPropertySymbol property:
                string p = Interface(property.ExplicitInterfaceImplementations.FirstOrDefault()) +
                    (property.ExplicitInterfaceImplementations.FirstOrDefault()?.Name ?? property.Name);
                return (p, p);
            case IEventSymbol @event:
                string e = Interface(@event.ExplicitInterfaceImplementations.FirstOrDefault()) +
                    (@event.ExplicitInterfaceImplementations.FirstOrDefault()?.Name ?? @event.Name);
                return (e, e);
            default:
                return (accessor.Name, accessor.Name);
        }
    }

    /// <summary><c>IFoo.</c> for an explicit interface implementation, otherwise empty.</summary>
    private static string Interface(ISymbol? implemented) =>
        implemented is null ? "" : DisplayFormats.ShortType(implemented.ContainingType) + ".";
}
