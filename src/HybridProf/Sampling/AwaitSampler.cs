using System.Runtime.CompilerServices;
using System.Threading;
using HybridProf.Markers;
using HybridProf.Methods;
using HybridProf.Platform;

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

    // The visitors, named so that the warm-up can call them; every method of a tick is compiled
    // once (CompiledOnce says why).
    private static readonly PendingOperations.Visitor<(AwaitSampler Sampler, int Weight)> s_count = Count;
    private static readonly PendingOperations.Visitor<AwaitSampler> s_handOver = HandOver;

    [MethodImpl(CompiledOnce.Optimized)]
    public void Tick(int weight)
    {
        var state = (Sampler: this, Weight: weight);
        PendingOperations.Collect(ref state, s_count);
    }

    /// <summary>Hands every pending count to the profile (for a snapshot or the end of a session).</summary>
    [MethodImpl(CompiledOnce.Optimized)]
    public void Flush()
    {
        var self = this;
        PendingOperations.Collect(ref self, s_handOver);
    }

    /// <summary>
    /// The visitors of a tick and a flush once, on made-up operations and into
    /// <paramref name="scratch"/>, so that no tick is the first call of anything (ScratchProfile
    /// says why): the first operation wall mode meets, or the first to finish, can come at any
    /// moment of a run. The walk itself (<see cref="PendingOperations.Collect{TState}"/>) is left
    /// to the first tick, right after the start: walking the real list here would count as a
    /// sweep that kept every finished operation and put off the next one.
    /// </summary>
    internal static void WarmUp(SampleAggregator scratch)
    {
        var sampler = new AwaitSampler(scratch);
        var suspended = new AsyncNode(null, [1, 2]) { State = AsyncNode.Suspended };
        var done = new AsyncNode(suspended, [3]) { State = AsyncNode.Done };
        var state = (Sampler: sampler, Weight: 1);
        Count(ref state, suspended);
        Count(ref state, done);
        HandOver(ref sampler, suspended);
    }

    [MethodImpl(CompiledOnce.Optimized)]
    private static bool Count(ref (AwaitSampler Sampler, int Weight) s, AsyncNode node)
    {
        int state = Volatile.Read(ref node.State);
        if (state == AsyncNode.Done)
        {
            s.Sampler.Hand(node);
            return false;
        }
        if (state == AsyncNode.Suspended && !node.WaitsForOthers)
            node.AwaitSamples += s.Weight;
        return true;
    }

    [MethodImpl(CompiledOnce.Optimized)]
    private static bool HandOver(ref AwaitSampler sampler, AsyncNode node)
    {
        sampler.Hand(node);
        return true;
    }

    [MethodImpl(CompiledOnce.Optimized)]
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
