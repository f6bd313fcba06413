using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

[assembly: HybridProf.Profile]

namespace WebApi;

/// <summary>
/// A minimal API to profile while it serves: <c>/compute/{n}</c> sums i² for i below n in an
/// instrumented method (the CPU hot spot), <c>/slow/{ms}</c> awaits a simulated back end (a
/// pending async operation for <c>hybridprof dump</c>). Listens on http://localhost:5000 unless
/// <c>--urls</c> or <c>ASPNETCORE_URLS</c> says otherwise.
/// Usage: WebApi [--urls http://localhost:5000]
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => "try /compute/1000000 or /slow/2000\n");
        app.MapGet("/compute/{n:long}", (long n) => Results.Text(Compute.SumOfSquares(n).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n"));
        app.MapGet("/slow/{ms:int}", async (int ms) => Results.Text(await Backend.FetchAsync(ms) + "\n"));
        app.Lifetime.ApplicationStarted.Register(() =>
            Console.WriteLine($"WebApi (pid {Environment.ProcessId}) listening on {string.Join(", ", app.Urls)}"));
        app.Run();
    }
}

/// <summary>The work a request does.</summary>
public static class Compute
{
    /// <summary>Σ i² for 0 ≤ i &lt; n, wrapping on overflow: pure CPU, linear in n.</summary>
    public static long SumOfSquares(long n)
    {
        long sum = 0;
        for (long i = 0; i < n; i++)
            sum = unchecked(sum + i * i);
        return sum;
    }
}

/// <summary>A back end that answers after a delay, like a database or another service.</summary>
public static class Backend
{
    public static async Task<string> FetchAsync(int milliseconds)
    {
        await Task.Delay(Math.Clamp(milliseconds, 0, 60_000));
        return $"waited {milliseconds} ms";
    }
}
