using HybridProf.Markers;
using HybridProf.Methods;

namespace HybridProf.Sampling;

/// <summary>
/// Wall mode's view of suspended async operations. Each tick costs a state check and an
/// increment per pending operation: the count lives on the node, and its logical stack is
/// built and interned only when the count is handed to the profile (the operation finished,
/// or a snapshot was asked for). An operation that awaits another instrumented one is not
/// counted itself: each wait is counted once, at its innermost await.
/// </summary>
internal sealed class AwaitSampler
{
    // The aggregator's key of the async operations' own thread (shadow stacks' keys are positive).
    private const long AsyncThreadKey = -2;
    private readonly SampleAggregator _aggregator;
    // Its own buffer: a snapshot may flush from another thread while the sampler ticks.
    private readonly int[] _buffer = new int[ShadowStack.MaxRecordedDepth];

    public AwaitSampler(SampleAggregator aggregator) => _aggregator = aggregator;

    public void Tick(int weight)
    {
        var state = (Sampler: this, Weight: weight);
        PendingOperations.Collect(ref state, static (ref (AwaitSampler Sampler, int Weight) s, AsyncNode node) =>
        {
            var sampler = s.Sampler;
            int state = System.Threading.Volatile.Read(ref node.State);
            if (state == AsyncNode.Done)
            {
                sampler.Hand(node);
                return false;
            }
            if (state == AsyncNode.Suspended && !node.WaitsForOthers)
                node.AwaitSamples += s.Weight;
            return true;
        });
    }

    /// <summary>Hands every pending count to the profile (for a snapshot or the end of a session).</summary>
    public void Flush()
    {
        var self = this;
        PendingOperations.Collect(ref self, static (ref AwaitSampler sampler, AsyncNode node) =>
        {
            sampler.Hand(node);
            return true;
        });
    }

    private void Hand(AsyncNode node)
    {
        int samples = node.AwaitSamples;
        if (samples == 0)
            return;
        node.AwaitSamples = 0;
        int count = node.CopyChainTo(_buffer);
        if (count == 0 || count >= _buffer.Length)
            return;
        _buffer[count++] = MethodFrames.Await;
        _aggregator.Add(_aggregator.ThreadIndex(AsyncThreadKey, 0, "async operations"), _buffer, count, false, samples);
    }
}
