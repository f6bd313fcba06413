using System.Diagnostics;

namespace HybridProf.Cli.Tests;

/// <summary>
/// --pid of record, top and dump: a number that is not a process id is a parse error, and a
/// process that does not exist is named as such, not taken for one that is not instrumented.
/// Needs only the built command.
/// </summary>
public sealed class ProcessIdOptionTests
{
    [Theory]
    [InlineData("record -p -5 -o out.pb.gz", "-5", "record")]
    [InlineData("record -p 0 -o out.pb.gz", "0", "record")]
    [InlineData("top -p -5", "-5", "top")]
    [InlineData("top -p 0", "0", "top")]
    [InlineData("dump -p -5", "-5", "dump")]
    [InlineData("dump --pid 0", "0", "dump")]
    public void A_pid_below_1_is_refused_by_the_parser_in_one_line(string arguments, string token, string command)
    {
        var result = Cli.RunAlone(arguments);
        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.Equal($"hybridprof: --pid takes a process id (a whole number from 1), not '{token}' (see `hybridprof {command} --help`)", line);
    }

    [Theory]
    [InlineData("record -p {0} -o out.pb.gz")]
    [InlineData("top -p {0} --once")]
    [InlineData("dump -p {0}")]
    public void A_process_that_does_not_exist_is_named_as_missing(string arguments)
    {
        int pid = UnusedProcessId();
        var result = Cli.RunAlone(string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, pid));
        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.StartsWith($"hybridprof: no process {pid} ", line);
        Assert.DoesNotContain("instrumented (", line);
    }

    // 999999 as the issue has it, or the next id no process holds right now.
    private static int UnusedProcessId()
    {
        for (int pid = 999_999; ; pid++)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
            }
            catch (ArgumentException)
            {
                return pid;
            }
        }
    }
}
