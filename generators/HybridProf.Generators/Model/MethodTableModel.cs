namespace HybridProf.Generators.Model;

/// <summary>Everything the emitter writes: the table lines in id order and the registration style.</summary>
/// <param name="Lines">Method lines without the header; line <c>i</c> has local id <c>i + 1</c>.</param>
/// <param name="ModuleInitializer">Whether <c>Register()</c> carries <c>[ModuleInitializer]</c>.</param>
/// <param name="SmallMethodLimit">The weaver's size limit from MSBuild, or null for the weaver's default.</param>
internal sealed record MethodTableModel(EquatableArray<string> Lines, bool ModuleInitializer, int? SmallMethodLimit = null);
