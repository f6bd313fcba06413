using HybridProf.Cli.Commands;
using HybridProf.Cli.ZeroEdit;

namespace HybridProf.Cli.Tests;

/// <summary>
/// How <c>record</c> reads a <c>dotnet run</c> / <c>dotnet test</c> command for a zero-edit build:
/// what its own build is given, and whether the command then runs with <c>--no-build</c>.
/// </summary>
public class DotnetCommandTests
{
    [Theory]
    [InlineData("dotnet run", "", "dotnet run --no-build")]
    [InlineData("dotnet run --project src/App -c Release -- --port 5000", "src/App -c Release", "dotnet run --project src/App -c Release --no-build -- --port 5000")]
    [InlineData("dotnet run -f net10.0 -p:Flag=1 --property:Other=2 -r linux-x64", "-f net10.0 -p:Flag=1 --property:Other=2 -r linux-x64", "dotnet run -f net10.0 -p:Flag=1 --property:Other=2 -r linux-x64 --no-build")]
    [InlineData("dotnet test tests/Shop.Tests -c Release", "tests/Shop.Tests -c Release", "dotnet test tests/Shop.Tests -c Release --no-build")]
    [InlineData("/usr/share/dotnet/dotnet test Shop.slnx", "Shop.slnx", "/usr/share/dotnet/dotnet test Shop.slnx --no-build")]
    // An option the tool does not know may change the build: the command builds for itself (up to date when it is not).
    [InlineData("dotnet test --filter Category=Fast", "", "dotnet test --filter Category=Fast")]
    [InlineData("dotnet run --launch-profile Web", "", "dotnet run --launch-profile Web")]
    // Told not to build: it runs what was built before, and the tool builds nothing either.
    [InlineData("dotnet test --no-build", "", "dotnet test --no-build")]
    public void Builds_what_the_command_would_and_runs_it_once_built(string commandLine, string build, string after)
    {
        var command = DotnetCommand.Parse(commandLine.Split(' '), Paths)!;
        Assert.Equal(build, string.Join(' ', command.BuildArguments));
        Assert.Equal(after, string.Join(' ', command.AfterBuild()));
        Assert.Equal(commandLine.Contains("--no-build"), command.UserSaidNoBuild);
    }

    /// <summary>The folders and files of these command lines (and no option's value) exist.</summary>
    private static bool Paths(string path) => path is "src/App" or "tests/Shop.Tests" or "Shop.slnx";

    [Theory]
    [InlineData("dotnet App.dll")]
    [InlineData("dotnet exec App.dll")]
    [InlineData("./App")]
    [InlineData("dotnet")]
    public void Other_commands_run_as_they_are(string commandLine) =>
        Assert.Null(DotnetCommand.Parse(commandLine.Split(' '), Paths));

    [Theory]
    [InlineData("dotnet build", "`dotnet build` is none of them (for a woven build to deploy, use `hybridprof build`).")]
    [InlineData("dotnet watch run", "`dotnet watch` is none of them.")]
    [InlineData("dotnet run app.cs", "`dotnet project convert app.cs`")]
    [InlineData("dotnet run --file tool.cs", "`dotnet project convert tool.cs`")]
    public void Commands_it_cannot_profile_are_refused_with_what_to_do(string commandLine, string said)
    {
        var refused = Assert.Throws<UsageException>(() => DotnetCommand.Parse(commandLine.Split(' '), Paths));
        Assert.Contains(said, refused.Message);
    }
}
