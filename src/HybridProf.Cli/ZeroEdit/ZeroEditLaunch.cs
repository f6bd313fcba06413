using HybridProf.Cli.Commands;

namespace HybridProf.Cli.ZeroEdit;

/// <summary>
/// <c>record -- dotnet run|test …</c>: build the user's projects with HybridProf injected, then
/// launch the command on that build and record it as any launched app.
/// </summary>
internal static class ZeroEditLaunch
{
    public static int Run(DotnetCommand dotnet, RecordSettings settings, ZeroEditSettings zeroEdit)
    {
        var environment = ZeroEditBuild.Environment(zeroEdit);
        // Built first, on its own: a build that fails is then said to be one, not taken for an
        // app that ran no instrumented code.
        if (!dotnet.UserSaidNoBuild)
        {
            Terminal.Note($"building with HybridProf injected (your files and bin/, obj/ stay as they are; the build goes to {environment[ZeroEditBuild.RootVariable]})");
            ZeroEditBuild.Run(["build", .. dotnet.BuildArguments], environment, "nothing was run");
        }
        return LaunchRecorder.Run(dotnet.AfterBuild(), settings, environment);
    }
}
