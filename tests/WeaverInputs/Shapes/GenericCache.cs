using System.Collections.Generic;

namespace WeaverInput;

public class Cache<TKey, TValue> where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _items = new();

    public TValue GetOrAdd(TKey key, TValue value)
    {
        Probe.Record("GetOrAdd");
        if (!_items.TryGetValue(key, out var existing))
            _items[key] = existing = value;
        return existing;
    }

    public TResult Map<TResult>(TKey key, System.Func<TValue, TResult> map)
    {
        Probe.Record("Map");
        return map(_items[key]);
    }

    public class Entry
    {
        public static string Describe(TKey key) => Probe.Depth() + ":" + key;
    }
}
