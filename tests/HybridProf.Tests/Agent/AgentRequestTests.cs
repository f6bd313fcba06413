using System.Text;
using HybridProf.Agent;

namespace HybridProf.Tests.Agent;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AgentRequestTests
{
    [Fact]
    public void A_request_reads_its_known_properties_and_ignores_the_rest()
    {
        var request = AgentRequest.Parse(Encoding.UTF8.GetBytes(
            "{\"v\":1,\"cmd\":\"start\",\"mode\":\"wall\",\"rateHz\":250,\"future\":{\"nested\":[1,2]},\"session\":7,\"trackMs\":10}"));
        Assert.Equal(1, request.Version);
        Assert.Equal("start", request.Command);
        Assert.Equal("wall", request.Mode);
        Assert.Equal(250, request.RateHz);
        Assert.Equal(7, request.Session);
        Assert.Equal(10, request.TrackMs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"cmd\":\"hello\"}")]
    [InlineData("{\"v\":1}")]
    [InlineData("{\"v\":\"1\",\"cmd\":\"hello\"}")]
    [InlineData("{\"v\":1,\"cmd\":[\"hello\"]}")]
    [InlineData("{\"v\":1,\"cmd\":\"start\",\"rateHz\":1e400}")]
    [InlineData("{\"v\":1,\"cmd\":\"hello\"")]
    [InlineData("{\"v\":1,\"cmd\":\"hello\",\"x\":[[[[[[[[[[[[1]]]]]]]]]]]]}")]
    public void A_malformed_request_is_a_format_exception(string text)
    {
        Assert.Throws<FormatException>(() => AgentRequest.Parse(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("1", true)]
    [InlineData("on", true)]
    [InlineData("0", false)]
    [InlineData("FALSE", false)]
    [InlineData(" off ", false)]
    public void The_agent_variable_turns_it_on_or_off(string? value, bool enabled)
    {
        var warnings = new List<string>();
        Assert.Equal(enabled, ControlAgent.IsEnabled(value, warnings.Add));
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_bad_agent_variable_warns_and_keeps_it_on()
    {
        var warnings = new List<string>();
        Assert.True(ControlAgent.IsEnabled("maybe", warnings.Add));
        Assert.Contains("HYBRIDPROF_AGENT='maybe'", Assert.Single(warnings));
    }

    [Theory]
    [InlineData("/run/user/1000/hybridprof/hybridprof-4242.sock", 4242)]
    [InlineData("hybridprof-1.sock", 1)]
    [InlineData("hybridprof-.sock", null)]
    [InlineData("hybridprof-12x.sock", null)]
    [InlineData("hybridprof-0.sock", null)]
    [InlineData("other-12.sock", null)]
    [InlineData("hybridprof-12.sock.tmp", null)]
    public void Socket_names_carry_the_pid(string path, int? pid)
    {
        Assert.Equal(pid, AgentPaths.PidOf(path));
    }

    [Fact]
    public void The_directory_is_made_private_even_when_it_existed_open()
    {
        string dir = Path.Combine(Path.GetTempPath(), "hybridprof-agent-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        try
        {
            Assert.True(AgentPaths.EnsurePrivateDirectory(dir, out string problem), problem);
            Assert.Equal(AgentPaths.DirectoryMode, File.GetUnixFileMode(dir));
        }
        finally
        {
            Directory.Delete(dir);
        }
    }

    [Fact]
    public void The_directory_follows_the_variables()
    {
        Assert.Equal("/x/y", AgentPaths.Directory(v => v == "HYBRIDPROF_AGENT_DIR" ? "/x/y" : null));
        Assert.Equal(Path.Combine("/tmp", "hybridprof"), AgentPaths.Directory(v => v == "XDG_RUNTIME_DIR" ? "/tmp" : null));
        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "hybridprof-"), AgentPaths.Directory(_ => null));
    }
}
