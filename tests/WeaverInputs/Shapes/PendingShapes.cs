using System.Threading.Tasks;

namespace WeaverInput;

/// <summary>An operation chain left suspended on a gate, for wall mode and stack dumps.</summary>
public static class PendingShapes
{
    public static TaskCompletionSource<int> Gate { get; private set; } = new();

    public static void ResetGate() => Gate = new TaskCompletionSource<int>();

    public static async Task<int> Outer() => await Inner() + 1;

    private static async Task<int> Inner() => await Gate.Task;

    public static async Task<int> OuterOfMany()
    {
        var all = await Task.WhenAll(Inner(), Inner());
        return all.Length;
    }
}
