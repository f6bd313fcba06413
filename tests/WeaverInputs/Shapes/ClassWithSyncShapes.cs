using System;

namespace WeaverInput;

public class ClassWithSyncShapes
{
    private int _counter;

    public static int StaticAdd(int a, int b)
    {
        Probe.Record("StaticAdd");
        return a + b;
    }

    public int InstanceCall(int n)
    {
        _counter += n;
        Probe.Record("InstanceCall");
        return Nested(n) + _counter;
    }

    private int Nested(int n)
    {
        Probe.Record("Nested");
        if (n > 2)
            return n * 2;
        return -n;
    }

    public static void OutRefIn(out int result, ref int counter, in int input)
    {
        Probe.Record("OutRefIn");
        counter += input;
        result = counter * 2;
    }

    private static readonly int[] s_items = { 1, 2, 3 };

    public static ref int RefReturn(int index)
    {
        Probe.Record("RefReturn");
        return ref s_items[index];
    }

    public static int Overload(int x)
    {
        Probe.Record("Overload(int)");
        return x;
    }

    public static string Overload(string x)
    {
        Probe.Record("Overload(string)");
        return x;
    }

    public static int OnlyThrows(string message)
    {
        Probe.Record("OnlyThrows");
        throw new InvalidOperationException(message);
    }

    public static int EarlyReturns(int n)
    {
        for (int i = 0; i < 10; i++)
        {
            if (i == n)
                return i * 10;
        }
        switch (n)
        {
            case 20: return 200;
            case 30: return 300;
        }
        return -1;
    }
}

public static class SyncEntryPoints
{
    public static int UseRefReturn()
    {
        ref int slot = ref ClassWithSyncShapes.RefReturn(1);
        slot += 5;
        return ClassWithSyncShapes.RefReturn(1);
    }

    public static int CountChars(string text) => UnsafeShapes.SpanLength(text.AsSpan());

    public static int Instance(int n) => new ClassWithSyncShapes().InstanceCall(n);
}

public readonly struct Meters
{
    private readonly double _value;

    public Meters(double value) => _value = value;

    public static implicit operator double(Meters m)
    {
        Probe.Record("to double");
        return m._value;
    }

    public static explicit operator int(Meters m)
    {
        Probe.Record("to int");
        return (int)m._value;
    }

    public static string Pick(string s)
    {
        Probe.Record("Pick");
        return s;
    }

    public static string Pick<T>(string s)
    {
        Probe.Record("Pick<T>");
        return s + typeof(T).Name;
    }

    public static double Convert(double v) => new Meters(v);

    public static int Truncate(double v) => (int)new Meters(v);

    public static string PickBoth(string s) => Pick(s) + Pick<int>(s);
}
