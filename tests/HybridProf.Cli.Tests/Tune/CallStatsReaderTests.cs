using HybridProf.Cli.Tune;

namespace HybridProf.Cli.Tests.Tune;

/// <summary>tune reads the calls back from the deterministic text report (docs/deterministic.md).</summary>
public sealed class CallStatsReaderTests
{
    private const string Report = """
        1228218 function calls (1108218 primitive calls) in 0.267 seconds (instrumented code, all threads; 0.276 s elapsed)

        Ordered by: internal time
        List reduced from 12 to 4 due to restriction <4>

              ncalls    tottime    percall    cumtime    percall  filename:lineno(function)
               80000   0.058688   0.000001   0.106722   0.000001  /src/Calc/Calculator.cs:69(Calc.Parser.Number)
              456070   0.047667   0.000000   0.047667   0.000000  /src/Calc/Calculator.cs:79(Calc.Parser.Peek)
         60000/20000   0.034868   0.000001   0.223144   0.000011  /src/My Calc (v2)/Lexer.cs:12(Calc.Lexer.Read(int, string))
                  10   0.000010   0.000001   0.000010   0.000001  {[GC]}

        """;

    [Fact]
    public void Reads_the_total_and_each_listed_row()
    {
        var counts = CallStatsReader.Read(Report.ReplaceLineEndings("\n"), "calls.txt");

        Assert.Equal(1_228_218, counts.TotalCalls);
        Assert.Equal(
            [
                new FunctionCalls("Calc.Parser.Number", "/src/Calc/Calculator.cs", 80_000, 58_688_000),
                new FunctionCalls("Calc.Parser.Peek", "/src/Calc/Calculator.cs", 456_070, 47_667_000),
                new FunctionCalls("Calc.Lexer.Read(int, string)", "/src/My Calc (v2)/Lexer.cs", 60_000, 34_868_000),
                new FunctionCalls("[GC]", null, 10, 10_000),
            ],
            counts.Functions.Select(f => f with { OwnNanoseconds = Math.Round(f.OwnNanoseconds) }));
        Assert.Equal(1_228_218 - 596_080, counts.UnlistedCalls);
    }

    [Fact]
    public void Reads_rows_with_and_without_the_async_wall_columns()
    {
        const string report = """
            200 function calls (200 primitive calls) in 0.050 seconds (instrumented code, all threads; 0.300 s elapsed)

            Ordered by: internal time

                  ncalls    tottime    percall    cumtime    percall       wall    percall  filename:lineno(function)
                     160   0.036765   0.000230   0.062069   0.000388   0.236240   0.001476  /src/W/FanOut.cs:25(W.FanOut.Shard)
                      40   0.018773   0.000117   0.018773   0.000117                         /src/W/FanOut.cs:33(W.FanOut.Hash)
            """;

        var counts = CallStatsReader.Read(report.ReplaceLineEndings("\n"), "fanout.txt");

        Assert.Equal([("W.FanOut.Shard", 160L), ("W.FanOut.Hash", 40L)], counts.Functions.Select(f => (f.Name, f.Calls)));
        Assert.Equal(36_765_000, counts.Functions[0].OwnNanoseconds, 3);
    }

    [Fact]
    public void Processes_add_up_by_name()
    {
        var one = new CallCounts([new FunctionCalls("A.F", "/a.cs", 10, 100), new FunctionCalls("A.G", "/a.cs", 1, 5)], 20);
        var two = new CallCounts([new FunctionCalls("A.F", "/a.cs", 5, 50)], 7);

        var merged = CallCounts.Merge([one, two]);

        Assert.Equal(27, merged.TotalCalls);
        Assert.Equal([("A.F", 15L, 150.0), ("A.G", 1L, 5.0)], merged.Functions.Select(f => (f.Name, f.Calls, f.OwnNanoseconds)));
    }

    [Theory]
    [InlineData("Mode: cpu   Samples: 10   Duration: 1.00 s   Rate: 100 Hz\n", "its first line does not count function calls")]
    [InlineData("5 function calls (5 primitive calls) in 0.001 seconds\n\nOrdered by: internal time\n", "has no ncalls table")]
    [InlineData("5 function calls (5 primitive calls) in 0.001 seconds\n\n   ncalls  tottime\n  garbage here\n", "line 4 is not a row of the ncalls table")]
    public void Anything_else_is_refused_naming_the_file(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => CallStatsReader.Read(text, "x.txt"));
        Assert.StartsWith("x.txt: ", e.Message);
        Assert.Contains(expected, e.Message);
    }
}
