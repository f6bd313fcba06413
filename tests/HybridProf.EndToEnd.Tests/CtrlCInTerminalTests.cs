namespace HybridProf.EndToEnd.Tests;

/// <summary>
/// Ctrl+C typed in a terminal at a generic-host app: the host cancels the signal, stops, and
/// returns from Main, so the signal handler's write and ProcessExit overlap. ProcessExit used
/// to return at once while the write was under way, and the process ended mid-write: the file
/// was lost in most tries, so each test tries several times.
/// </summary>
[Collection(PackedAppCollection.Name)]
public sealed class CtrlCInTerminalTests(PackedApp app)
{
    private const int Tries = 3;

    [Fact]
    public void Ctrl_C_at_a_generic_host_app_in_a_terminal_writes_its_profile_and_removes_its_agent_socket()
    {
        for (int attempt = 1; attempt <= Tries; attempt++)
        {
            string output = app.OutputPath($"host-ctrl-c-{attempt}.collapsed");
            string agents = Path.Combine(app.Root, "agents-" + Guid.NewGuid().ToString("N")[..6]);
            var environment = ProfileContentTests.Env(output, ("HYBRIDPROF_AGENT_DIR", agents));
            using var terminal = PseudoTerminal.Start($"dotnet '{app.HostAppPath}'", app.Root, environment);
            Assert.True(terminal.WaitFor("serving", TimeSpan.FromSeconds(60)), $"try {attempt}: the app never served.\n{terminal.Output}");
            // The socket too, so the test sees it go away at exit (it is made a second after start).
            Assert.True(WaitForSocket(agents), $"try {attempt}: no agent socket in {agents}.\n{terminal.Output}");

            terminal.TypeCtrlC();

            Assert.True(terminal.WaitForExit(TimeSpan.FromSeconds(60)), $"try {attempt}: the app did not stop.\n{terminal.Output}");
            Assert.True(terminal.ExitCode == 0, $"try {attempt}: exit code {terminal.ExitCode}.\n{terminal.Output}");
            Assert.Contains("stopped", terminal.Output); // the host's orderly shutdown ran to the end of Main
            Assert.True(File.Exists(output), $"try {attempt}: no profile after Ctrl+C.\n{terminal.Output}");
            Assert.Contains("HostApp.Work.Heavy", Collapsed.Read(output).AllFrames);
            Assert.Empty(Directory.GetFiles(agents, "*.sock"));
        }
    }

    private static bool WaitForSocket(string directory)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(directory) && Directory.GetFiles(directory, "*.sock").Length > 0)
                return true;
            Thread.Sleep(50);
        }
        return false;
    }
}
