using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HybridProf.Fody;

public sealed partial class ModuleWeaver
{
    /// <summary>
    /// Marks the table as woven (<c>IsWoven()</c> returns true) and, when the generator could
    /// not emit <c>[ModuleInitializer]</c> (C# 7.3, netstandard2.0), calls <c>Register()</c>
    /// from the module constructor.
    /// </summary>
    private void RegisterTable(TypeDefinition table)
    {
        var isWoven = table.Methods.FirstOrDefault(m => m.Name == "IsWoven");
        if (isWoven is null)
        {
            WriteError("HybridProf: the method table has no IsWoven method; the generator and weaver versions do not match.");
            return;
        }
        isWoven.Body.Instructions.Clear();
        isWoven.Body.ExceptionHandlers.Clear();
        isWoven.Body.Variables.Clear();
        var il = isWoven.Body.GetILProcessor();
        il.Append(il.Create(OpCodes.Ldc_I4_1));
        il.Append(il.Create(OpCodes.Ret));

        var register = table.Methods.First(m => m.Name == "Register");
        bool hasInitializer = register.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.ModuleInitializerAttribute");
        if (!hasInitializer)
            CallFromModuleConstructor(register);
    }

    private void CallFromModuleConstructor(MethodDefinition register)
    {
        var moduleType = ModuleDefinition.Types.First(t => t.Name == "<Module>");
        var cctor = moduleType.Methods.FirstOrDefault(m => m.IsConstructor && m.IsStatic);
        if (cctor is null)
        {
            cctor = new MethodDefinition(".cctor",
                MethodAttributes.Private | MethodAttributes.HideBySig | MethodAttributes.Static |
                MethodAttributes.SpecialName | MethodAttributes.RTSpecialName,
                TypeSystem.VoidReference);
            cctor.Body.GetILProcessor().Append(Instruction.Create(OpCodes.Ret));
            moduleType.Methods.Add(cctor);
        }
        cctor.Body.GetILProcessor().InsertBefore(cctor.Body.Instructions[0], Instruction.Create(OpCodes.Call, register));
    }
}
