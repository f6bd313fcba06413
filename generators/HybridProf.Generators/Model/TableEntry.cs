namespace HybridProf.Generators.Model;

/// <summary>
/// One instrumented method as plain data: the fields of a method-table line (see
/// docs/method-table.md) before ids and overload suffixes are decided.
/// </summary>
/// <param name="Kind">Table kind: <c>method</c>, <c>ctor</c>, <c>lambda</c>, ...</param>
/// <param name="Flags"><c>a</c>, <c>i</c>, <c>ai</c> or <c>-</c>.</param>
/// <param name="Name">The display name parts.</param>
/// <param name="File">Syntax tree path, tabs and newlines already replaced.</param>
/// <param name="Line">1-based line shown to users.</param>
/// <param name="TypeName">Declaring type in Cecil form (<c>Ns.Outer/Inner`1</c>).</param>
/// <param name="MemberName">Metadata name of the method or of the enclosing member.</param>
/// <param name="Signature">Canonical parameter types of the method or enclosing member.</param>
/// <param name="LocalKey"><c>lambdaN</c>, a local function's name, or <c>-</c>.</param>
/// <param name="Span">The declaration's or lambda's span.</param>
/// <param name="Selection">Whether an attribute selected it or the assembly decides.</param>
internal readonly record struct TableEntry(
    string Kind,
    string Flags,
    DisplayName Name,
    string File,
    int Line,
    string TypeName,
    string MemberName,
    string Signature,
    string LocalKey,
    SourceSpan Span,
    Selection Selection);
