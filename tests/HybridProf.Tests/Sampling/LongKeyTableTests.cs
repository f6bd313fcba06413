using CsCheck;
using HybridProf.Sampling;

namespace HybridProf.Tests.Sampling;

/// <summary>The sampler's own hash table holds what a dictionary would, for any keys, through every growth.</summary>
public class LongKeyTableTests
{
    [Fact]
    public void Holds_what_a_dictionary_holds_for_any_sequence_of_sets()
    {
        // Keys from a small range too, so the same key is set again; and the extremes.
        var key = Gen.OneOf(Gen.Long, Gen.Long[-40, 40], Gen.Const(long.MinValue), Gen.Const(long.MaxValue), Gen.Const(0L));
        Gen.Select(key, Gen.Long).Array[0, 600].Sample(sets =>
        {
            var table = new LongKeyTable(capacityPowerOfTwo: 1);
            var expected = new Dictionary<long, long>();
            foreach (var (k, v) in sets)
            {
                table.Set(k, v);
                expected[k] = v;
            }
            Assert.Equal(expected.Count, table.Count);
            foreach (var (k, v) in expected)
                Assert.True(table.TryGetValue(k, out long found) && found == v);
            var walked = new Dictionary<long, long>();
            for (int slot = 0; slot < table.Capacity; slot++)
            {
                if (table.TryGetSlot(slot, out long k, out long v))
                    walked.Add(k, v);
            }
            Assert.Equal(expected.OrderBy(e => e.Key), walked.OrderBy(e => e.Key));
        });
    }

    [Fact]
    public void A_key_never_set_is_not_found()
    {
        var table = new LongKeyTable();
        for (long k = 0; k < 1000; k += 2)
            table.Set(k, k * 10);
        for (long k = 1; k < 1000; k += 2)
            Assert.False(table.TryGetValue(k, out _));
        Assert.True(table.TryGetValue(998, out long value) && value == 9980);
    }
}
