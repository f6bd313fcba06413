using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace WeaverInput;

public static class LambdasAndAsync
{
    public static int WithLambdas(int[] values)
    {
        int offset = values.Length;
        Func<int, int> addOffset = v =>
        {
            Probe.Record("lambda");
            return v + offset;
        };
        return values.Select(addOffset).Sum() + Local(2);

        int Local(int x)
        {
            Probe.Record("local");
            return x * offset;
        }
    }

    public static async Task<int> ComputeAsync(int n)
    {
        Probe.Record("ComputeAsync start");
        int sum = 0;
        for (int i = 0; i < n; i++)
        {
            await Task.Yield();
            sum += i;
        }
        return sum;
    }

    public static async ValueTask<string> ThrowsAsync()
    {
        await Task.Yield();
        throw new InvalidOperationException("async boom");
    }

    public static IEnumerable<int> Numbers(int count)
    {
        for (int i = 0; i < count; i++)
        {
            Probe.Record("Numbers " + i);
            yield return i;
        }
    }

    public static int ConsumeNumbers() => Numbers(2).Sum();
}
