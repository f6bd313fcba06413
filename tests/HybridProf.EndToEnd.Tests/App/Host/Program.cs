using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

[assembly: HybridProf.Profile]

namespace HostApp;

/// <summary>
/// A generic-host app (what ASP.NET Core apps run on): the host's console lifetime handles
/// Ctrl+C and SIGTERM itself, stops the hosted services and returns from Main.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        using var host = Host.CreateDefaultBuilder(args)
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureServices(services => services.AddHostedService<Burner>())
            .Build();
        host.Run();
        Console.WriteLine("stopped");
    }
}

/// <summary>Burns CPU in instrumented code until the host stops; says "serving" once it has.</summary>
public sealed class Burner : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < 0.5)
            Work.Heavy();
        Console.WriteLine("serving");
        while (!stoppingToken.IsCancellationRequested)
            Work.Heavy();
    }, CancellationToken.None);
}

public static class Work
{
    public static void Heavy() => Spin.For(3.0);
}

/// <summary>Busy work whose time counts as the caller's own time (not instrumented).</summary>
[HybridProf.NoProfile]
public static class Spin
{
    public static void For(double milliseconds)
    {
        var clock = Stopwatch.StartNew();
        double x = 1;
        while (clock.Elapsed.TotalMilliseconds < milliseconds)
            x = Math.Sqrt(x + 1);
        GC.KeepAlive(x);
    }
}
