namespace E2eApp;

/// <summary>
/// Twenty requests that each await a slow back end for the whole run: they suspend once, at
/// start-up, long before anyone asks for a dump, and never resume until the end.
/// </summary>
public static class PendingRequests
{
    public const int Count = 20;

    public static async Task Run(double seconds)
    {
        var requests = Enumerable.Range(0, Count).Select(id => Handle(id, seconds)).ToList();
        Console.WriteLine("ready");
        await Task.WhenAll(requests);
    }

    public static async Task<int> Handle(int id, double seconds) => await Fetch(id, seconds) + 1;

    public static async Task<int> Fetch(int id, double seconds)
    {
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        return id;
    }
}
