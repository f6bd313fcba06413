namespace HybridProf.Cli.Commands;

/// <summary>
/// Shortens a function name to a width from the namespace side, keeping the method:
/// <c>Contoso.Orders.Analytics.TopInShard</c> in 21 columns is <c>…Analytics.TopInShard</c>.
/// A table row then stays one line in a narrow terminal instead of wrapping.
/// </summary>
internal static class FunctionNameFit
{
    private const char Ellipsis = '…';

    public static string Shorten(string name, int width)
    {
        if (name.Length <= width)
            return name;
        if (width <= 1)
            return Ellipsis.ToString();
        // The longest tail that starts after a dot and fits beside the ellipsis.
        for (int dot = name.IndexOf('.'); dot >= 0; dot = name.IndexOf('.', dot + 1))
        {
            if (name.Length - dot - 1 + 1 <= width)
                return Ellipsis + name[(dot + 1)..];
        }
        // Even the method alone is too long: its end, which tells overloads and lambdas apart.
        return Ellipsis + name[^(width - 1)..];
    }
}
