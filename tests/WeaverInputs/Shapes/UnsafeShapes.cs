using System;

namespace WeaverInput;

public static unsafe class UnsafeShapes
{
    public static int SumStackalloc(int n)
    {
        Span<int> buffer = stackalloc int[n];
        for (int i = 0; i < n; i++)
            buffer[i] = i;
        int sum = 0;
        foreach (int v in buffer)
            sum += v;
        Probe.Record("SumStackalloc");
        return sum;
    }

    public static int SumFixed(int[] values)
    {
        int sum = 0;
        fixed (int* p = values)
        {
            for (int i = 0; i < values.Length; i++)
                sum += p[i];
        }
        return sum;
    }

    public static int SumRawStackalloc(int n)
    {
        int* p = stackalloc int[n];
        for (int i = 0; i < n; i++)
            p[i] = i * 2;
        int sum = 0;
        for (int i = 0; i < n; i++)
            sum += p[i];
        return sum;
    }

    public static int SpanLength(ReadOnlySpan<char> text) => text.Length;
}
