using System.Diagnostics;

namespace E2eApp;

/// <summary>A parent that starts two instrumented children (this same app) and works while they do.</summary>
public static class Children
{
    public static void Run(double seconds)
    {
        string self = typeof(Children).Assembly.Location;
        var children = Enumerable.Range(0, 2)
            .Select(_ => Process.Start(new ProcessStartInfo(Environment.ProcessPath!, $"\"{self}\" child {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}") { UseShellExecute = false })!)
            .ToList();
        ParentWork(seconds);
        foreach (var child in children)
        {
            child.WaitForExit();
            if (child.ExitCode != 0)
                throw new InvalidOperationException($"child {child.Id} exited with {child.ExitCode}");
        }
    }

    public static void ParentWork(double seconds) => Spin.For(seconds * 1000);

    public static void ChildWork(double seconds) => Spin.For(seconds * 1000);
}
