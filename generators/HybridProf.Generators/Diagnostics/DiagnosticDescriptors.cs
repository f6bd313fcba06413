using Microsoft.CodeAnalysis;

namespace HybridProf.Generators.Diagnostics;

/// <summary>The catalogue of HybridProf diagnostics (HPROF001...). Release notes: AnalyzerReleases.*.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "HybridProf";

    /// <summary>HPROF001: <c>[Profile]</c> on a member that has no body (abstract, extern, auto-accessors, ...).</summary>
    public static readonly DiagnosticDescriptor NoBody = new(
        id: "HPROF001",
        title: "[Profile] on a member without a body",
        messageFormat: "[Profile] on '{0}' has no effect: it has no body to instrument",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Abstract, extern and interface members without a body, partial method definitions without an implementation, auto-properties and field-like events have no code of their own to instrument. Put [Profile] on the implementation instead.");

    /// <summary>HPROF002: <c>[Profile]</c> and <c>[NoProfile]</c> on the same symbol.</summary>
    public static readonly DiagnosticDescriptor Conflict = new(
        id: "HPROF002",
        title: "[Profile] and [NoProfile] on the same symbol",
        messageFormat: "'{0}' has both [Profile] and [NoProfile]; [NoProfile] wins",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "When one symbol carries both attributes, HybridProf excludes it. Remove the attribute you do not mean.");

    /// <summary>HPROF003: a line of the tune list names no method of the assembly's method table.</summary>
    public static readonly DiagnosticDescriptor TuneListUnknownName = new(
        id: "HPROF003",
        title: "Tune list line names no instrumented method",
        messageFormat: "'{0}' names no method of this assembly's method table, so it leaves nothing out",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Each line of the tune list (hybridprof-tune.txt, or the file HybridProfTuneFile names) is a frame name exactly as profiles show it, e.g. Shop.Parser.Peek or, for an overload, Shop.Parser.Read(int). A name that matches no instrumented method of this assembly was renamed, removed, excluded with [NoProfile], or belongs to another project.");

    /// <summary>HPROF004: a line of the tune list names a method pinned with <c>[Profile]</c> on itself.</summary>
    public static readonly DiagnosticDescriptor TuneListPinned = new(
        id: "HPROF004",
        title: "Tune list names a method pinned with [Profile]",
        messageFormat: "'{0}' has [Profile] on itself, which keeps its marker: the tune list does not leave it out",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "[Profile] on a method (or its property, event, lambda or local function) pins it: it is always a frame of its own. Remove the line from the tune list, or the attribute from the method.");

    /// <summary>HPROF010: <c>HybridProfSmallMethodLimit</c> is not a whole number of IL bytes.</summary>
    public static readonly DiagnosticDescriptor InvalidSmallMethodLimit = new(
        id: "HPROF010",
        title: "HybridProfSmallMethodLimit is not a whole number",
        messageFormat: "HybridProfSmallMethodLimit is '{0}'; it must be a whole number of IL bytes (0 instruments every method); the default is used",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The weaver leaves methods whose IL body is at most this many bytes, with no loop, unmarked: their time counts to their caller. Set a whole number, or 0 to mark every selected method.");
}
