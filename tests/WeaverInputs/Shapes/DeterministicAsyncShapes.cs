using System.Diagnostics;
using System.Threading.Tasks;

namespace WeaverInput;

/// <summary>Async shapes whose deterministic figures are known: CPU slices around awaits that take wall time.</summary>
public static class DeterministicAsyncShapes
{
    /// <summary>Runs <see cref="Outer"/> <paramref name="times"/> times, one after another.</summary>
    public static async Task<int> Run(int times)
    {
        int sum = 0;
        for (int i = 0; i < times; i++)
            sum += await Outer();
        return sum + Immediate();
    }

    // 2 ms of CPU, an await of Inner, 2 ms more.
    private static async Task<int> Outer()
    {
        Busy.Spin(2);
        int value = await Inner();
        Busy.Spin(2);
        return value;
    }

    // An await of 30 ms that costs no CPU, then two CPU slices of 3 ms on either side of a yield.
    private static async Task<int> Inner()
    {
        await Task.Delay(30);
        Busy.Spin(3);
        await Task.Yield();
        Busy.Spin(3);
        return 1;
    }

    // Completes synchronously, inside its kick-off frame.
    private static int Immediate() => Synchronous().GetAwaiter().GetResult();

    private static async Task<int> Synchronous()
    {
        await Task.CompletedTask;
        return 0;
    }
}

/// <summary>Burns CPU without being a frame of its own.</summary>
[HybridProf.NoProfile]
public static class Busy
{
    public static void Spin(int milliseconds)
    {
        var watch = Stopwatch.StartNew();
        while (watch.ElapsedMilliseconds < milliseconds)
        {
        }
    }
}
