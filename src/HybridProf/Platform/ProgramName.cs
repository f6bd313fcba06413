using System;
using System.Diagnostics;
using System.Reflection;

namespace HybridProf.Platform;

/// <summary>The name of the program being profiled, for the titles of what is written about it.</summary>
internal static class ProgramName
{
    private static readonly Lazy<string?> LazyCurrent = new(Find);

    /// <summary>The entry assembly's name (<c>Shop.Api</c>), else the process's (<c>dotnet</c> hosts have one too); null if neither is known.</summary>
    public static string? Current => LazyCurrent.Value;

    private static string? Find()
    {
        try
        {
            // The entry assembly names the app even under `dotnet Shop.Api.dll`, where the process is "dotnet".
            string? name = Assembly.GetEntryAssembly()?.GetName().Name;
            if (!string.IsNullOrEmpty(name))
                return name;
            using var process = Process.GetCurrentProcess();
            return process.ProcessName;
        }
        catch (Exception)
        {
            // A title is not worth failing a profile for (e.g. a sandbox that hides the process).
            return null;
        }
    }
}
