namespace HybridProf.Cli.Commands;

/// <summary>
/// The keys of the live <c>top</c>: 1–4 sort by a column, q quits. A background thread waits in
/// <see cref="Console.ReadKey(bool)"/> with intercept, which keeps the terminal's echo off while
/// it waits, so a key pressed never shows up inside the table.
/// </summary>
internal sealed class TopKeys
{
    private readonly AutoResetEvent _pressed = new(false);
    private volatile bool _quit;
    private int _sort = NoSort;
    private const int NoSort = -1;

    /// <summary>Set when a key that matters was pressed.</summary>
    public WaitHandle Pressed => _pressed;

    public bool QuitRequested => _quit;

    /// <summary>The column the last sort key asked for, once; null when none was pressed since.</summary>
    public TopColumn? TakeSort() => Interlocked.Exchange(ref _sort, NoSort) is var sort and >= 0 ? (TopColumn)sort : null;

    public static TopKeys Start()
    {
        var keys = new TopKeys();
        // Background: it never stops waiting for a key, and must not keep the tool alive after q.
        new Thread(keys.Read) { IsBackground = true, Name = "top keys" }.Start();
        return keys;
    }

    private void Read()
    {
        try
        {
            while (!_quit)
            {
                char key = Console.ReadKey(intercept: true).KeyChar;
                if (key is 'q' or 'Q')
                    _quit = true;
                else if (TopColumns.FromKey(key) is { } column)
                    Interlocked.Exchange(ref _sort, (int)column);
                else
                    continue;
                _pressed.Set();
            }
        }
        catch (InvalidOperationException)
        {
            // No keyboard after all (stdin closed): top runs on until Ctrl+C.
        }
    }
}
