using System;

namespace WeaverInput;

public struct Counter
{
    private int _value;

    public Counter(int start)
    {
        _value = start;
        Probe.Record("Counter..ctor");
    }

    public int Increment()
    {
        Probe.Record("Increment");
        return ++_value;
    }

    public readonly int Value
    {
        get
        {
            Probe.Record("Value.get");
            return _value;
        }
    }
}

public class Base
{
    protected readonly string Name;

    public Base(string name)
    {
        Probe.Record("Base..ctor");
        Name = name;
    }
}

public class Derived : Base
{
    private readonly int _length = Measure("field");

    public Derived(string name) : base(name.ToUpperInvariant())
    {
        Probe.Record("Derived..ctor");
    }

    public Derived(int fail) : base("x")
    {
        if (fail > 0)
            throw new ArgumentException("bad");
    }

    public string Describe() => Name + _length;

    private static int Measure(string s) => s.Length;
}
