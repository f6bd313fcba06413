using HybridProf.Generators.Tuning;

namespace HybridProf.Generators.Model;

/// <summary>Everything the emitter writes: the table lines in id order, the registration style and the tune list's warnings.</summary>
/// <param name="Lines">Method lines without the header; line <c>i</c> has local id <c>i + 1</c>.</param>
/// <param name="ModuleInitializer">Whether <c>Register()</c> carries <c>[ModuleInitializer]</c>.</param>
/// <param name="Warnings">Lines of the tune list that leave nothing out.</param>
/// <param name="SmallMethodLimit">The weaver's size limit from MSBuild, or null for the weaver's default.</param>
internal sealed record MethodTableModel(EquatableArray<string> Lines, bool ModuleInitializer, EquatableArray<TuneListWarning> Warnings, int? SmallMethodLimit = null);
