namespace HybridProf.Cli.Compare;

/// <summary>
/// The last lines a child printed (stdout and stderr, in arrival order), kept to show when it
/// fails; everything else it prints is dropped, so a chatty program cannot flood the terminal.
/// </summary>
internal sealed class OutputTail(int capacity)
{
    private readonly Queue<string> _lines = new();
    private int _dropped;

    /// <summary>Called from the process's output events, which may run on two threads at once.</summary>
    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > capacity)
            {
                _lines.Dequeue();
                _dropped++;
            }
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
                return _dropped > 0 ? [$"… ({_dropped} earlier lines not shown)", .. _lines] : [.. _lines];
        }
    }
}
