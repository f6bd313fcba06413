using HybridProf.Cli.Commands;
using HybridProf.Cli.Tune;

namespace HybridProf.Cli.Tests.Tune;

/// <summary>
/// The list tune writes: the user's lines are kept as written, the tool's part after its own
/// line is rewritten, and a file that is not a tune list is never overwritten.
/// </summary>
public sealed class TuneListFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hybridprof-tunelist-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly IReadOnlySet<string> SeenNothing = new HashSet<string>();

    private const string Existing = """
        # mine, keep it
        Calc.Lexer.Skip   # hand-picked

        # hybridprof tune: chosen for a 2 % budget; rewritten by each run
        Calc.Lexer.Peek  # 90,000,000 calls, 3 ns own each (deterministic)
        Calc.Lexer.Old  # 10 calls, 3 ns own each (deterministic)
        Calc.Lexer.Gone  # 1,000 calls, 3 ns own each (deterministic)
        """;

    [Fact]
    public void A_new_list_starts_with_a_preamble_then_the_tool_part()
    {
        string path = Path.Combine(_folder, "hybridprof-tune.txt");
        var list = TuneListFile.Load(path);
        var update = TuneListUpdate.Of(list, [("Calc.Lexer.Peek", "why")], SeenNothing);

        string text = list.Render("chosen for a 2 % budget; rewritten by each run", update.ToolLines);

        Assert.False(list.Exists);
        Assert.Equal(
            string.Join('\n', [.. TuneListFile.Preamble, "", "# hybridprof tune: chosen for a 2 % budget; rewritten by each run", "Calc.Lexer.Peek  # why", ""]),
            text);
        Assert.Equal(["Calc.Lexer.Peek"], TuneListFile.Parse(text, path).ToolNames);
    }

    [Fact]
    public void The_users_part_is_kept_line_for_line_and_the_tool_part_is_rewritten()
    {
        var list = TuneListFile.Parse(Existing.ReplaceLineEndings("\r\n"), "list.txt");
        // The run saw Peek and Old (the list was not built yet); Gone was not in its profile.
        var seen = new HashSet<string> { "Calc.Lexer.Peek", "Calc.Lexer.Old", "Calc.Lexer.Skip" };

        var update = TuneListUpdate.Of(list, [("Calc.Lexer.Peek", "a"), ("Calc.Lexer.Skip", "b"), ("Calc.Lexer.New", "c")], seen);
        string text = list.Render("chosen for a 1 % budget; rewritten by each run", update.ToolLines);

        Assert.Equal("""
            # mine, keep it
            Calc.Lexer.Skip   # hand-picked

            # hybridprof tune: chosen for a 1 % budget; rewritten by each run
            Calc.Lexer.Peek  # a
            Calc.Lexer.New  # c
            Calc.Lexer.Gone  # 1,000 calls, 3 ns own each (deterministic)

            """.ReplaceLineEndings("\n"), text);
        Assert.Equal(["Calc.Lexer.New"], update.Added);
        Assert.Equal(["Calc.Lexer.Old"], update.Removed);
        Assert.Equal(["Calc.Lexer.Gone"], update.Kept);
    }

    [Theory]
    [InlineData("# just comments\n\n")]
    [InlineData("Shop.Cache<TKey, TValue>.Get\nVec.operator +\nVec.implicit operator int\nShop.Table.this[int].get\nNs.Node..ctor\nCalc.Lexer.Read(int, string)\n")]
    [InlineData("Program.Main.lambda1 # trailing\n  Ns.Outer.Inner.~Inner\n")]
    public void Lists_written_by_hand_are_tune_lists(string text) =>
        Assert.True(TuneListFile.Parse(text, "list.txt").Exists);

    [Theory]
    [InlineData("This is my README.\n", 1)]
    [InlineData("{\n  \"name\": \"x\"\n}\n", 1)]
    [InlineData("Calc.Lexer.Peek\nusing System;\n", 2)]
    [InlineData("Calc.Lexer.Peek\ne.g. this\n", 2)]
    [InlineData("Calc.Lexer.Peek\nCalc.Lexer\u0000Peek\n", 2)]
    public void Any_other_file_is_refused_naming_the_line(string text, int line)
    {
        var e = Assert.Throws<UsageException>(() => TuneListFile.Parse(text, "README.md"));
        Assert.StartsWith($"'README.md' is not a tune list (line {line}, '", e.Message);
        Assert.Contains("nothing was run or written", e.Message);
        Assert.DoesNotContain('\0', e.Message);
    }

    [Fact]
    public void A_folder_or_a_large_file_is_refused()
    {
        Assert.Contains("is a folder", Assert.Throws<UsageException>(() => TuneListFile.Load(_folder)).Message);

        string large = Path.Combine(_folder, "large.txt");
        File.WriteAllText(large, string.Concat(Enumerable.Repeat("Calc.Lexer.Peek\n", 80_000)));
        Assert.Contains("larger than", Assert.Throws<UsageException>(() => TuneListFile.Load(large)).Message);
    }

    [Fact]
    public void The_list_is_replaced_whole_and_leaves_no_file_beside_it()
    {
        string path = Path.Combine(_folder, "hybridprof-tune.txt");
        File.WriteAllText(path, "Old.List.Name\n");

        TuneListWriter.CheckWritable(path);
        TuneListWriter.Write(path, "New.List.Name\n");

        Assert.Equal("New.List.Name\n", File.ReadAllText(path));
        Assert.Equal(["hybridprof-tune.txt"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_list_that_cannot_be_written_is_refused_before_anything_runs()
    {
        string missingFolder = Path.Combine(_folder, "no-such-folder", "hybridprof-tune.txt");
        Assert.Contains("does not exist", Assert.Throws<UsageException>(() => TuneListWriter.CheckWritable(missingFolder)).Message);

        string readOnly = Path.Combine(_folder, "read-only");
        Directory.CreateDirectory(readOnly);
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            // Root may write anywhere: the refusal is only observable for an ordinary user.
            if (Environment.UserName != "root")
                Assert.StartsWith("cannot write", Assert.Throws<UsageException>(() => TuneListWriter.CheckWritable(Path.Combine(readOnly, "list.txt"))).Message);
        }
        finally
        {
            File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
