using System.Runtime.CompilerServices;
using HybridProf.Platform;

namespace HybridProf.Sampling;

/// <summary>
/// A hash table from a 64-bit key to a 64-bit value (open addressing, linear probing), for the
/// sampler's tick: unlike <c>Dictionary</c> it is our code, compiled once
/// (<see cref="CompiledOnce"/>), so a tick never runs code the runtime recompiles.
/// Not thread-safe; never shrinks.
/// </summary>
internal sealed class LongKeyTable
{
    private long[] _keys;
    private long[] _values;
    private bool[] _used;
    private int _shift;

    public LongKeyTable(int capacityPowerOfTwo = 6)
    {
        _shift = 64 - capacityPowerOfTwo;
        _keys = new long[1 << capacityPowerOfTwo];
        _values = new long[_keys.Length];
        _used = new bool[_keys.Length];
    }

    public int Count { get; private set; }

    /// <summary>The number of slots, for <see cref="TryGetSlot"/>.</summary>
    public int Capacity => _keys.Length;

    [MethodImpl(CompiledOnce.Optimized)]
    public bool TryGetValue(long key, out long value)
    {
        int slot = Find(key);
        value = _values[slot];
        return _used[slot];
    }

    /// <summary>Adds <paramref name="key"/> or replaces its value.</summary>
    [MethodImpl(CompiledOnce.Optimized)]
    public void Set(long key, long value)
    {
        int slot = Find(key);
        if (!_used[slot])
        {
            // At most half full, so a probe always ends at a free slot.
            if (2 * (Count + 1) > _keys.Length)
            {
                Grow();
                slot = Find(key);
            }
            _used[slot] = true;
            _keys[slot] = key;
            Count++;
        }
        _values[slot] = value;
    }

    /// <summary>The entry in <paramref name="slot"/> (0 to <see cref="Capacity"/> − 1), if any: how the table is walked.</summary>
    public bool TryGetSlot(int slot, out long key, out long value)
    {
        key = _keys[slot];
        value = _values[slot];
        return _used[slot];
    }

    /// <summary>The slot holding <paramref name="key"/>, or the free slot where it would go.</summary>
    [MethodImpl(CompiledOnce.Optimized)]
    private int Find(long key)
    {
        int mask = _keys.Length - 1;
        // Fibonacci hashing: the high bits of the product mix every bit of the key.
        int slot = (int)((ulong)(key * -7046029254386353131L) >> _shift);
        while (_used[slot] && _keys[slot] != key)
            slot = (slot + 1) & mask;
        return slot;
    }

    [MethodImpl(CompiledOnce.Optimized)]
    private void Grow()
    {
        long[] keys = _keys, values = _values;
        bool[] used = _used;
        _keys = new long[keys.Length * 2];
        _values = new long[keys.Length * 2];
        _used = new bool[keys.Length * 2];
        _shift--;
        for (int i = 0; i < keys.Length; i++)
        {
            if (!used[i])
                continue;
            int slot = Find(keys[i]);
            _used[slot] = true;
            _keys[slot] = keys[i];
            _values[slot] = values[i];
        }
    }
}
