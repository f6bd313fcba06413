namespace HybridProf.Generators.Model;

/// <summary>
/// The frame name of an entry in two forms. <see cref="Owner"/> names the member that owns
/// the entry (the method itself, or the member enclosing a lambda or local function), e.g.
/// <c>Shop.Parser.Parse</c>; <see cref="OwnerWithParameters"/> adds its parameter types,
/// <c>Shop.Parser.Parse(string)</c>, used when instrumented overloads would read alike;
/// <see cref="Suffix"/> is empty, <c>.lambda2</c> or <c>.Local</c>.
/// </summary>
internal readonly record struct DisplayName(string Owner, string OwnerWithParameters, string Suffix)
{
    public string Format(bool withParameters) => (withParameters ? OwnerWithParameters : Owner) + Suffix;
}
