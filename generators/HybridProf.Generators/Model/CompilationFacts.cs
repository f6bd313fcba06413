namespace HybridProf.Generators.Model;

/// <summary>What the generator needs to know about the whole compilation.</summary>
/// <param name="ReferencesHybridProf">The compilation sees <c>HybridProf.ProfileAttribute</c>.</param>
/// <param name="AssemblyProfiled"><c>[assembly: HybridProf.Profile]</c> is declared.</param>
/// <param name="ModuleInitializer">C# 9 or newer and <c>ModuleInitializerAttribute</c> is usable.</param>
internal readonly record struct CompilationFacts(bool ReferencesHybridProf, bool AssemblyProfiled, bool ModuleInitializer);
