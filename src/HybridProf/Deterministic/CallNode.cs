using HybridProf.Methods;
using System.Threading;

namespace HybridProf.Deterministic;

/// <summary>
/// One node of a thread's calling-context tree: a method reached by one call path. Only the
/// owning thread writes it; the merge at the end reads it from another thread without a
/// lock, so children are published by prepending to an immutable-link list (a reader sees
/// a consistent list, perhaps without the newest child) and counters are plain longs
/// (atomic on 64-bit, at worst one event stale when read mid-run).
/// </summary>
internal sealed class CallNode
{
    public CallNode(int method, CallNode? parent, ThreadRecorder owner, int index)
    {
        Method = method;
        Parent = parent;
        Owner = owner;
        Index = index;
    }

    /// <summary>Global method id (0 for a thread's root).</summary>
    public readonly int Method;

    public readonly CallNode? Parent;

    /// <summary>The recorder whose tree this is; an async node's cached path is reused only by it.</summary>
    public readonly ThreadRecorder Owner;

    /// <summary>Unique in the owner's tree; keys the owner's child index.</summary>
    public readonly int Index;

    /// <summary>Calls that entered this path (async kick-offs, not resumptions).</summary>
    public long Calls;

    /// <summary>Own time in Stopwatch ticks: time on this thread while this path was on top.</summary>
    public long Own;

    public CallNode? FirstChild;
    public CallNode? NextSibling;
    public int ChildCount;

    /// <summary>The child entered last: repeated calls of one callee find it without a search.</summary>
    public CallNode? LastChild;

    /// <summary>Method id of the <c>[truncated]</c> node that stands for the paths past the bound.</summary>
    public const int TruncatedMethod = MethodFrames.Truncated;

    /// <summary>
    /// The child for <paramref name="method"/>, found or added (the slow path of an enter).
    /// Past the bound on call paths, a new path is counted under this node's <c>[truncated]</c>
    /// child instead; that node has no children of its own (it is returned for anything asked of it).
    /// </summary>
    public CallNode Child(int method)
    {
        if (Method == TruncatedMethod)
            return this;
        var found = Find(method);
        if (found is null)
        {
            found = Owner.NewNode(method, this) is { } created
                ? Link(created)
                : Find(TruncatedMethod) ?? Link(Owner.NewTruncatedNode(this));
        }
        LastChild = found;
        return found;
    }

    private CallNode? Find(int method) => ChildCount <= ThreadRecorder.ListSearchLimit
        ? Search(method)
        : Owner.IndexedChild(this, method);

    private CallNode Link(CallNode child)
    {
        child.NextSibling = FirstChild;
        // Publish the filled node before linking it: the merge may be walking the list.
        Volatile.Write(ref FirstChild, child);
        if (++ChildCount == ThreadRecorder.ListSearchLimit + 1)
            Owner.IndexAllChildren(this);
        else if (ChildCount > ThreadRecorder.ListSearchLimit)
            Owner.IndexChild(this, child);
        return child;
    }

    private CallNode? Search(int method)
    {
        for (var child = FirstChild; child is not null; child = child.NextSibling)
        {
            if (child.Method == method)
                return child;
        }
        return null;
    }
}
