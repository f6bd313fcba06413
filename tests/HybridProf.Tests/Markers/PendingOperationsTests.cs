using HybridProf.Markers;

namespace HybridProf.Tests.Markers;

/// <summary>
/// The list of pending async operations, tracked for as long as the control agent runs: with no
/// sampler collecting it, finished operations must not pile up.
/// </summary>
public class PendingOperationsTests
{
    [Fact]
    public void Finished_operations_are_swept_out_while_no_sampler_collects()
    {
        const int Added = 20_000;
        var marker = new[] { 42 }; // ours: other tests may track operations at the same time
        PendingOperations.Acquire();
        try
        {
            for (int i = 0; i < Added; i++)
            {
                var node = new AsyncNode(null, marker);
                node.Complete();
                PendingOperations.Add(node);
            }
            int linked = CountLinked(marker);
            // A sweep runs after a few thousand additions, so at most that many are ever left.
            Assert.InRange(linked, 0, Added / 2);
        }
        finally
        {
            PendingOperations.Release();
        }
    }

    [Fact]
    public void Pending_operations_stay_listed_through_sweeps()
    {
        var marker = new[] { 43 };
        PendingOperations.Acquire();
        try
        {
            // Not finished (Running: a wall session running beside this test samples only
            // suspended ones, and must not count this one).
            var pending = new AsyncNode(null, marker);
            PendingOperations.Add(pending);
            for (int i = 0; i < 10_000; i++)
            {
                var done = new AsyncNode(null, Array.Empty<int>());
                done.Complete();
                PendingOperations.Add(done);
            }
            Assert.Equal(1, CountLinked(marker));
            pending.Complete();
        }
        finally
        {
            PendingOperations.Release();
        }
    }

    private static int CountLinked(int[] frames)
    {
        int count = 0;
        PendingOperations.Collect(ref count, (ref int seen, AsyncNode node) =>
        {
            if (ReferenceEquals(node.Frames, frames))
                seen++;
            return true;
        });
        return count;
    }
}
