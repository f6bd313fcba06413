using HybridProf.Configuration;
using HybridProf.Model;

namespace HybridProf.Tests.Configuration;

public class EnvironmentSettingsTests
{
    [Fact]
    public void Without_an_output_nothing_is_profiled()
    {
        var warnings = new List<string>();
        Assert.Null(EnvironmentSettings.Read(Vars(("HYBRIDPROF_RATE", "500")), warnings.Add, 1));
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData(null, 30, false)]
    [InlineData("", 30, false)]
    [InlineData("500", 500, false)]
    [InlineData("all", int.MaxValue, false)]
    [InlineData(" ALL ", int.MaxValue, false)]
    [InlineData("0", 30, true)]
    [InlineData("-3", 30, true)]
    [InlineData("many", 30, true)]
    public void The_report_lists_as_many_functions_as_asked_or_says_why_not(string? value, int expected, bool warned)
    {
        var warnings = new List<string>();
        Assert.Equal(expected, EnvironmentSettings.ReadReportTop(Vars(("HYBRIDPROF_REPORT_TOP", value!)), warnings.Add, 30));
        Assert.Equal(warned, warnings.Count == 1);
        if (warned)
            Assert.Equal($"HYBRIDPROF_REPORT_TOP='{value}' is not a whole number of functions from 1, nor all; listing 30.", warnings[0]);
    }

    [Fact]
    public void Good_values_are_read_and_pid_is_replaced()
    {
        var warnings = new List<string>();
        var options = EnvironmentSettings.Read(Vars(
            ("HYBRIDPROF_OUTPUT", "out-{pid}.svg"), ("HYBRIDPROF_MODE", "Wall"), ("HYBRIDPROF_RATE", "250"), ("HYBRIDPROF_DURATION", "1.5"),
            ("HYBRIDPROF_MAX_CALL_PATHS", "5000")),
            warnings.Add, 4242)!;
        Assert.Empty(warnings);
        Assert.Equal("out-4242.svg", options.OutputPath);
        Assert.Equal(ProfileMode.Wall, options.Mode);
        Assert.Equal(250, options.RateHz);
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.Duration);
        Assert.Equal(5000, options.MaxCallPaths);
    }

    [Fact]
    public void Deterministic_mode_is_accepted()
    {
        var warnings = new List<string>();
        var options = EnvironmentSettings.Read(Vars(("HYBRIDPROF_OUTPUT", "calls.txt"), ("HYBRIDPROF_MODE", " deterministic ")), warnings.Add, 1)!;
        Assert.Empty(warnings);
        Assert.Equal(ProfileMode.Deterministic, options.Mode);
    }

    [Theory]
    [InlineData("HYBRIDPROF_MODE", "fast")]
    [InlineData("HYBRIDPROF_RATE", "0")]
    [InlineData("HYBRIDPROF_RATE", "1e3")]
    [InlineData("HYBRIDPROF_RATE", "20000")]
    [InlineData("HYBRIDPROF_DURATION", "soon")]
    [InlineData("HYBRIDPROF_DURATION", "-1")]
    [InlineData("HYBRIDPROF_MAX_CALL_PATHS", "0")]
    [InlineData("HYBRIDPROF_MAX_CALL_PATHS", "lots")]
    [InlineData("HYBRIDPROF_MAX_CALL_PATHS", "1e6")]
    [InlineData("HYBRIDPROF_MAX_CALL_PATHS", "100000001")]
    public void A_bad_value_is_one_warning_naming_it_and_the_default_is_kept(string variable, string value)
    {
        var warnings = new List<string>();
        var options = EnvironmentSettings.Read(Vars(("HYBRIDPROF_OUTPUT", "p.svg"), (variable, value)), warnings.Add, 1)!;
        var warning = Assert.Single(warnings);
        Assert.StartsWith($"{variable}='{value}'", warning);
        Assert.Equal(new ProfilerOptions { OutputPath = "p.svg" }, options);
    }

    [Fact]
    public void A_bad_bound_names_the_default_used()
    {
        var warnings = new List<string>();
        EnvironmentSettings.Read(Vars(("HYBRIDPROF_OUTPUT", "p.svg"), ("HYBRIDPROF_MAX_CALL_PATHS", "-5")), warnings.Add, 1);
        Assert.Equal("HYBRIDPROF_MAX_CALL_PATHS='-5' is not a whole number of call paths from 1 to 100000000; using 1000000.", Assert.Single(warnings));
    }

    private static Func<string, string?> Vars(params (string Key, string Value)[] vars) =>
        key => vars.Where(v => v.Key == key).Select(v => v.Value).FirstOrDefault();
}
