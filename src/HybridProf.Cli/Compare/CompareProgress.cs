namespace HybridProf.Cli.Compare;

/// <summary>
/// Which run is going, on one rewritten stderr line: the runs' own output is captured, so
/// without it a long comparison would look stuck. Only in a terminal; logs get the results only.
/// </summary>
internal sealed class CompareProgress(int total)
{
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private bool _shown;
    private int _done;

    public void Show(int round, RunMode mode)
    {
        _done++;
        if (!_enabled)
            return;
        Console.Error.Write($"\rhybridprof: run {_done} of {total} (round {round + 1}): {mode.Name}…\u001b[K");
        _shown = true;
    }

    public void Clear()
    {
        if (_shown)
            Console.Error.Write("\r\u001b[K");
        _shown = false;
    }

    /// <summary>Clears the line, then writes a message in its place: returns what <paramref name="say"/> returns.</summary>
    public int ClearFor(Func<int> say)
    {
        Clear();
        return say();
    }
}
