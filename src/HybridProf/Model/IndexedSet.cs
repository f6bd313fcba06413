using System.Collections.Generic;

namespace HybridProf.Model;

/// <summary>Distinct items in the order first seen, each with its index.</summary>
internal sealed class IndexedSet<T>
    where T : notnull
{
    private readonly List<T> _items = new();
    private readonly Dictionary<T, int> _index = new();

    public int Count => _items.Count;

    /// <summary>The index of <paramref name="item"/>, adding it on first use.</summary>
    public int Add(T item)
    {
        if (!_index.TryGetValue(item, out int index))
        {
            index = _items.Count;
            _items.Add(item);
            _index.Add(item, index);
        }
        return index;
    }

    public T this[int index] => _items[index];

    public T[] ToArray() => _items.ToArray();
}
