using System;

namespace HybridProf;

/// <summary>
/// The profiler's one voice: single lines on stderr prefixed with <c>HybridProf:</c>, so a
/// user can tell them from the app's output. Never throws: a closed stderr must not hurt the app.
/// </summary>
internal static class Diagnostics
{
    /// <summary>Where messages go; tests may redirect it.</summary>
    internal static Action<string> Sink { get; set; } = WriteToStandardError;

    public static void Warn(string message) => Emit(message);

    public static void Info(string message) => Emit(message);

    private static void Emit(string message)
    {
        try
        {
            Sink("HybridProf: " + message);
        }
        catch
        {
            // Nothing sensible to do: the profiler must not fail the app over a message.
        }
    }

    private static void WriteToStandardError(string line) => Console.Error.WriteLine(line);
}
