using System.Diagnostics;

namespace HybridProf.Generators.Tests.Infrastructure;

/// <summary>
/// Runs the SDK's own C# compiler (not the Roslyn 4.8 the tests link) with the generator as
/// an analyzer: proves the generator loads in the compiler users have (a generator built
/// against a newer Roslyn is refused with CS9057 and silently does nothing) and covers
/// language features Roslyn 4.8 cannot parse (C# 14 extension blocks).
/// </summary>
internal sealed class SdkCompiler
{
    private SdkCompiler(string dotnet, string csc)
    {
        Dotnet = dotnet;
        Csc = csc;
    }

    public string Dotnet { get; }

    public string Csc { get; }

    /// <summary>The compiler of the SDK that <c>dotnet</c> selects for this repository.</summary>
    public static SdkCompiler Locate()
    {
        // .../dotnet/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        string root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        string dotnet = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        string version = Run(dotnet, "--version", AppContext.BaseDirectory).Trim();
        string csc = Path.Combine(root, "sdk", version, "Roslyn", "bincore", "csc.dll");
        Assert.True(File.Exists(csc), $"no compiler at {csc}");
        return new SdkCompiler(dotnet, csc);
    }

    /// <summary>Compiles <paramref name="sources"/> into a library in <paramref name="workDir"/>; returns the generated files.</summary>
    public IReadOnlyDictionary<string, string> Compile(string workDir, IEnumerable<(string Name, string Text)> sources, IEnumerable<string> references, string outputName)
    {
        Directory.CreateDirectory(workDir);
        string generated = Path.Combine(workDir, "generated");
        // csc writes generated files into <dir>/<assembly>/<generator type>/ but does not create them.
        var generator = typeof(MethodTableGenerator);
        Directory.CreateDirectory(Path.Combine(generated, generator.Assembly.GetName().Name!, generator.FullName!));
        var args = new List<string>
        {
            "-nologo", "-noconfig", "-nostdlib+", "-target:library", "-langversion:preview", "-nullable:enable",
            "-warnaserror+", $"-out:{Path.Combine(workDir, outputName)}", $"-generatedfilesout:{generated}",
            $"-analyzer:{generator.Assembly.Location}",
        };
        args.AddRange(references.Select(r => $"-r:{r}"));
        foreach (var (name, text) in sources)
        {
            string path = Path.Combine(workDir, name);
            File.WriteAllText(path, text);
            args.Add(path);
        }
        string rsp = Path.Combine(workDir, "csc.rsp");
        File.WriteAllLines(rsp, args.Select(a => "\"" + a + "\""));

        string output = Run(Dotnet, $"exec \"{Csc}\" @\"{rsp}\"", workDir);
        Assert.DoesNotContain("error", output, StringComparison.OrdinalIgnoreCase);
        return Directory.Exists(generated)
            ? Directory.GetFiles(generated, "*.cs", SearchOption.AllDirectories).ToDictionary(p => Path.GetFileName(p), File.ReadAllText)
            : new Dictionary<string, string>();
    }

    private static string Run(string fileName, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string all = stdout + stderr.Result;
        Assert.True(process.ExitCode == 0, $"{fileName} {arguments} exited with {process.ExitCode}:\n{all}");
        return all;
    }
}
