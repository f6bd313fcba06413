using HybridProf.Generators.Model;

namespace HybridProf.Generators.Tuning;

/// <summary>
/// The user's tune list (<c>hybridprof-tune.txt</c>) as plain data: the frame names it leaves
/// out, each with where it stands so a warning can point at it.
/// </summary>
/// <param name="Path">The file as the compiler got it.</param>
/// <param name="Lines">The lines that name a method, in file order.</param>
internal sealed record TuneList(string Path, EquatableArray<TuneListLine> Lines);

/// <summary>One name of a tune list.</summary>
/// <param name="Name">The frame name, comment and surrounding blanks removed.</param>
/// <param name="Line">0-based line.</param>
/// <param name="Column">0-based column where the name starts.</param>
/// <param name="Start">Offset of the name in the file.</param>
internal readonly record struct TuneListLine(string Name, int Line, int Column, int Start);
