namespace HybridProf.Generators.Model;

/// <summary>
/// The frame name of an entry in two forms. <see cref="Owner"/> names the member that owns
/// the entry (the method itself, the member enclosing a lambda or local function, or the
/// property of an accessor), e.g. <c>Shop.Parser.Parse</c> or <c>Shop.Table.this[]</c>;
/// <see cref="OwnerWithParameters"/> adds its parameter types, <c>Shop.Parser.Parse(string)</c>,
/// <c>Shop.Table.this[int]</c>, used when instrumented overloads would read alike;
/// <see cref="Suffix"/> is empty, <c>.get</c>, <c>.lambda2</c>, <c>.Local</c>, <c>.set.lambda1</c>.
/// </summary>
internal readonly record struct DisplayName(string Owner, string OwnerWithParameters, string Suffix)
{
    public string Format(bool withParameters) => (withParameters ? OwnerWithParameters : Owner) + Suffix;
}
