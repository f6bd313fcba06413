namespace HybridProf.Cli.Commands;

/// <summary>
/// A status line kept on the terminal's last row, under a scroll region that holds everything
/// else, the way apt shows its progress: the app launched by <c>record</c> writes to the same
/// terminal, and its lines scroll above the status instead of landing on it. Only for stderr
/// on a terminal; a terminal too small for a region gets a plain line instead.
/// </summary>
internal sealed class BottomStatusLine
{
    private const string Escape = "\u001b";
    private int _reservedRows;

    /// <summary>Shows <paramref name="text"/>, cut to the terminal's width so it never wraps (a wrap would scroll the screen).</summary>
    public void Show(string text)
    {
        var (rows, columns) = Size();
        if (columns > 1 && text.Length >= columns)
            text = text[..(columns - 1)];
        if (rows < 3)
        {
            Console.Error.Write($"\r{text}{Escape}[K");
            return;
        }
        if (rows != _reservedRows)
            Reserve(rows);
        // Save the cursor, draw on the last row, restore: the app's cursor never moves.
        Console.Error.Write($"{Escape}7{Escape}[{rows};1H{Escape}[2K{text}{Escape}8");
    }

    /// <summary>Gives the last row back: the scroll region covers the whole screen again and the status is erased.</summary>
    public void Clear()
    {
        if (_reservedRows == 0)
            return;
        Console.Error.Write($"{Escape}7{Escape}[r{Escape}[{_reservedRows};1H{Escape}[2K{Escape}8");
        _reservedRows = 0;
    }

    /// <summary>
    /// Scrolls one line up (so the cursor is never on the row given away), then limits scrolling
    /// to the rows above the last one. Setting the region moves the cursor, hence save/restore.
    /// </summary>
    private void Reserve(int rows)
    {
        string reset = _reservedRows > 0 ? $"{Escape}7{Escape}[r{Escape}8" : "";
        Console.Error.Write($"{reset}\n{Escape}7{Escape}[1;{rows - 1}r{Escape}8{Escape}[1A");
        _reservedRows = rows;
    }

    private static (int Rows, int Columns) Size()
    {
        try
        {
            return (Console.WindowHeight, Console.WindowWidth);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }
}
