using HybridProf.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HybridProf.Generators.Tuning;

/// <summary>Why a line of the tune list leaves nothing out.</summary>
internal enum TuneListProblem
{
    /// <summary>No row of the method table has that display name.</summary>
    UnknownName,

    /// <summary>The method has <c>[Profile]</c> on itself, which keeps its marker.</summary>
    Pinned,
}

/// <summary>A warning about one line of the tune list, as plain data until it is reported.</summary>
internal readonly record struct TuneListWarning(TuneListProblem Problem, string Path, TuneListLine Line)
{
    public Diagnostic ToDiagnostic()
    {
        var descriptor = Problem == TuneListProblem.Pinned ? DiagnosticDescriptors.TuneListPinned : DiagnosticDescriptors.TuneListUnknownName;
        var start = new LinePosition(Line.Line, Line.Column);
        var end = new LinePosition(Line.Line, Line.Column + Line.Name.Length);
        var location = Location.Create(Path, new TextSpan(Line.Start, Line.Name.Length), new LinePositionSpan(start, end));
        return Diagnostic.Create(descriptor, location, Line.Name);
    }
}
