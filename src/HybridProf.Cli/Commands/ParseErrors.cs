using System.CommandLine;

namespace HybridProf.Cli.Commands;

/// <summary>
/// A command line that does not parse gets one <c>hybridprof:</c> line per mistake on stderr and
/// exit code 1, like every other usage mistake, instead of the whole help page on stdout.
/// </summary>
internal static class ParseErrors
{
    public static int Report(ParseResult result)
    {
        string path = string.Join(' ', Path(result.CommandResult.Command));
        foreach (var error in result.Errors)
            Terminal.Note($"{error.Message.TrimEnd('.')} (see `{path} --help`)");
        return 1;
    }

    private static IEnumerable<string> Path(Command command)
    {
        var names = new Stack<string>();
        for (var symbol = (Symbol?)command; symbol is not null; symbol = symbol.Parents.FirstOrDefault())
            names.Push(symbol.Name);
        return names;
    }
}
