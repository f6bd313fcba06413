using HybridProf.Markers;

namespace HybridProf.Tests.TestSupport;

/// <summary>
/// A method table registered by hand, standing in for a woven assembly: tests call
/// <see cref="Marker.Push"/>/<see cref="Marker.Pop"/> (the calls the weaver plants) themselves
/// with its ids; <see cref="InVersion1"/> uses the calls libraries woven with contract version 1 make.
/// </summary>
public sealed class TestTable
{
    private readonly int _base;
    private readonly string[] _names;

    public TestTable(params string[] names)
    {
        _names = names;
        string rows = string.Concat(names.Select((n, i) => $"\nmethod\t-\t{n}\t/src/Test.cs\t{i + 1}\tTest\t{n}\t\t-\t{i + 1}:1-{i + 1}:10"));
        _base = MethodRegistry.Register("hybridprof-table 1" + rows, woven: true);
    }

    public int Id(string name) => _base + 1 + Array.IndexOf(_names, name);

    /// <summary>Runs <paramref name="body"/> inside the named frame, as woven code would.</summary>
    public T In<T>(string name, Func<T> body)
    {
        var frame = Marker.Push(Id(name));
        try
        {
            return body();
        }
        finally
        {
            Marker.Pop(frame);
        }
    }

    /// <summary>Like <see cref="In{T}"/>, with the entry and exit markers of contract version 1.</summary>
    public T InVersion1<T>(string name, Func<T> body)
    {
        var stack = Marker.Enter(Id(name));
        try
        {
            return body();
        }
        finally
        {
            Marker.Exit(stack);
        }
    }

    public void In(string name, Action body) => In(name, () => { body(); return 0; });
}
