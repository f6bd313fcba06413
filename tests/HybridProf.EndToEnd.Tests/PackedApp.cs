namespace HybridProf.EndToEnd.Tests;

/// <summary>
/// Packs the HybridProf package with a version of its own (so no cached package is ever the
/// one tested) into a temporary feed, and builds a fresh app that references it.
/// </summary>
public sealed class PackedApp
{
    public PackedApp()
    {
        Root = Path.Combine(Path.GetTempPath(), "hybridprof-e2e", DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "-" + Guid.NewGuid().ToString("N")[..6]);
        Feed = Path.Combine(Root, "feed");
        AppDirectory = Path.Combine(Root, "app");
        Version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Environment.ProcessId;
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(AppDirectory);

        ProcessRunner.RunChecked("dotnet", $"pack \"{Path.Combine(RepositoryRoot, "src", "HybridProf", "HybridProf.csproj")}\" -c Release -o \"{Feed}\" -p:Version={Version}", RepositoryRoot, timeout: TimeSpan.FromMinutes(10));

        WriteSources(AppDirectory);
        var build = ProcessRunner.RunChecked("dotnet", "build -c Release -o out", AppDirectory, timeout: TimeSpan.FromMinutes(10));
        BuildOutput = build.Stdout;
        AppPath = Path.Combine(AppDirectory, "out", "E2eApp.dll");
        _hostAppPath = new Lazy<string>(BuildHostApp);
    }

    private readonly Lazy<string> _hostAppPath;

    /// <summary>
    /// A generic-host app (App/Host) built against the same package, on first use: only the
    /// tests of how such an app exits need it.
    /// </summary>
    public string HostAppPath => _hostAppPath.Value;

    private string BuildHostApp()
    {
        string template = Path.Combine(AppContext.BaseDirectory, "App", "Host");
        string directory = Path.Combine(Root, "host");
        Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(template, "Program.cs"), Path.Combine(directory, "Program.cs"));
        File.WriteAllText(Path.Combine(directory, "HostApp.csproj"), File.ReadAllText(Path.Combine(template, "HostApp.csproj.template")).Replace("$VERSION$", Version));
        File.WriteAllText(Path.Combine(directory, "nuget.config"), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "App", "nuget.config.template")).Replace("$FEED$", Feed));
        ProcessRunner.RunChecked("dotnet", "build -c Release -o out", directory, timeout: TimeSpan.FromMinutes(10));
        return Path.Combine(directory, "out", "HostApp.dll");
    }

    /// <summary>A fresh copy of the app's sources (no build output), for builds of another kind.</summary>
    public string CopySources(string name)
    {
        string directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        WriteSources(directory);
        return directory;
    }

    private void WriteSources(string directory)
    {
        string template = Path.Combine(AppContext.BaseDirectory, "App");
        foreach (string source in Directory.GetFiles(template, "*.cs"))
            File.Copy(source, Path.Combine(directory, Path.GetFileName(source)));
        File.WriteAllText(Path.Combine(directory, "E2eApp.csproj"), File.ReadAllText(Path.Combine(template, "E2eApp.csproj.template")).Replace("$VERSION$", Version));
        File.WriteAllText(Path.Combine(directory, "nuget.config"), File.ReadAllText(Path.Combine(template, "nuget.config.template")).Replace("$FEED$", Feed));
    }

    public string Root { get; }
    public string Feed { get; }
    public string AppDirectory { get; }
    public string Version { get; }
    public string AppPath { get; }
    public string BuildOutput { get; }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Runs the built app with the given scenario and HybridProf variables.</summary>
    public ProcessRunner.Result Run(string arguments, IDictionary<string, string> environment) =>
        ProcessRunner.Run("dotnet", $"\"{AppPath}\" {arguments}", AppDirectory, environment, TimeSpan.FromMinutes(2));

    /// <summary>A fresh output path in this run's folder.</summary>
    public string OutputPath(string name) => Path.Combine(Root, "profiles", Guid.NewGuid().ToString("N")[..6] + "-" + name);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HybridProf.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (HybridProf.sln) above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class PackedAppCollection : ICollectionFixture<PackedApp>
{
    public const string Name = "packed app";
}
