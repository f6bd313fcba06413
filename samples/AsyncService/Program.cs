using System.Globalization;
using System.Security.Cryptography;
using System.Text;

[assembly: HybridProf.Profile]

namespace AsyncService;

/// <summary>
/// The blocking-I/O example in async form. Requests fetch a user through a simulated
/// network call (an await of about 2 s) and render a summary; a report fans out to
/// shards that hash data on pool threads. In a cpu flamegraph the hashing sits under
/// Main;BuildReport;ComputeShard, not under the thread pool; in a wall flamegraph the
/// network wait shows as FetchUser;[await], counted once, not again in its callers.
/// Usage: AsyncService [requests=10] [networkMilliseconds=2000] [shards=4] [hashRounds=1000000]
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        int requests = Argument(args, 0, 10);
        int networkMilliseconds = Argument(args, 1, 2000);
        int shards = Argument(args, 2, 4);
        int hashRounds = Argument(args, 3, 1_000_000);

        var handled = Enumerable.Range(0, requests).Select(id => HandleRequest(id, networkMilliseconds));
        var report = BuildReport(shards, hashRounds);
        var summaries = await Task.WhenAll(handled);
        Console.WriteLine($"Handled {summaries.Length} requests; report digest {await report}");
        return 0;
    }

    /// <summary>One API request: fetch (I/O), then render (CPU).</summary>
    public static async Task<string> HandleRequest(int id, int networkMilliseconds)
    {
        var user = await FetchUser(id, networkMilliseconds);
        return Render(user);
    }

    /// <summary>Simulates a network call: the task is pending while the "server" answers.</summary>
    public static async Task<User> FetchUser(int id, int networkMilliseconds)
    {
        await Task.Delay(networkMilliseconds).ConfigureAwait(false);
        return new User(id, $"user{id}");
    }

    public static string Render(User user) => $"{user.Id}:{user.Name.ToUpperInvariant()}";

    /// <summary>Fans out to shards whose CPU work runs on pool threads.</summary>
    public static async Task<string> BuildReport(int shards, int hashRounds)
    {
        var parts = await Task.WhenAll(Enumerable.Range(0, shards).Select(s => ComputeShard(s, hashRounds)));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))))[..16];
    }

    public static async Task<string> ComputeShard(int shard, int hashRounds)
    {
        await Task.Yield(); // continue on a pool thread, away from the caller
        return Hash(shard, hashRounds);
    }

    public static string Hash(int seed, int rounds)
    {
        byte[] data = Encoding.UTF8.GetBytes($"shard {seed}");
        for (int i = 0; i < rounds; i++)
            data = SHA256.HashData(data);
        return Convert.ToHexString(data, 0, 4);
    }

    private static int Argument(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : fallback;
}

/// <summary>A fetched user.</summary>
public sealed record User(int Id, string Name);
