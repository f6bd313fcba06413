using HybridProf.EndToEnd.Tests;
using HybridProf.Formats;

namespace HybridProf.Cli.Tests;

/// <summary>
/// <c>hybridprof record -- dotnet App.dll</c> in a terminal, stopped with Ctrl+C: the terminal
/// signals the tool and a generic-host app together. The app's profile used to be lost in most
/// tries (a race at its exit), and the tool then told an app that had been running instrumented
/// code to add the package; so each test tries several times.
/// </summary>
[Collection(PackedAppCollection.Name)]
public sealed class LaunchInTerminalTests(PackedApp app)
{
    private const int Tries = 3;
    private readonly Cli _cli = new(app);

    [Fact]
    public void Ctrl_C_in_a_terminal_stops_a_generic_host_app_and_its_profile_is_written()
    {
        for (int attempt = 1; attempt <= Tries; attempt++)
        {
            string output = app.OutputPath($"record-ctrl-c-{attempt}.collapsed");
            using var terminal = PseudoTerminal.Start(
                $"dotnet '{Cli.CliPath}' record -o '{output}' -- dotnet '{app.HostAppPath}'", app.Root, _cli.Environment());
            Assert.True(terminal.WaitFor("serving", TimeSpan.FromSeconds(60)), $"try {attempt}: the app never served.\n{terminal.Output}");

            terminal.TypeCtrlC();

            Assert.True(terminal.WaitForExit(TimeSpan.FromSeconds(60)), $"try {attempt}: the tool did not stop.\n{terminal.Output}");
            string said = terminal.Output;
            Assert.True(terminal.ExitCode == 0, $"try {attempt}: exit code {terminal.ExitCode} (the host exits with 0 on Ctrl+C).\n{said}");
            Assert.DoesNotContain("never ran instrumented code", said);
            Assert.DoesNotContain("Add the HybridProf package", said);
            Assert.Contains($"wrote {output}", said);
            Assert.True(File.Exists(output), $"try {attempt}: no profile.\n{said}");
            Assert.Contains(ProfileFormats.Read(output).Frames, f => f.Name == "HostApp.Work.Heavy");
        }
    }
}
