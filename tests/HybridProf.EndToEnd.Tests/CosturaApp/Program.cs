using System.Diagnostics;

[assembly: HybridProf.Profile]

namespace CosturaApp;

/// <summary>An app with a second Fody add-in (Costura embeds its references) besides HybridProf.</summary>
public static class Program
{
    public static int Main()
    {
        // Uses a library reference, so Costura has something of the app's own to embed.
        var command = new System.CommandLine.RootCommand("costura and hybridprof together");
        Console.WriteLine(command.Description);
        return Work.Burn(TimeSpan.FromSeconds(1.5)) > 0 ? 0 : 1;
    }
}

public static class Work
{
    public static double Burn(TimeSpan time)
    {
        double x = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < time)
            x += Math.Sqrt(x + 1);
        return x;
    }
}
