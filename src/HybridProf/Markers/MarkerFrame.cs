using System.ComponentModel;

namespace HybridProf.Markers;

/// <summary>
/// What <see cref="Marker.Push"/> hands to <see cref="Marker.Pop"/>: the thread's shadow stack
/// and the depth the push saw. Woven code keeps it in one local between the two calls, so the
/// pop needs neither a thread-local read nor a read of the depth (binary contract, version 2).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct MarkerFrame
{
    internal readonly ShadowStack Stack;
    internal readonly int Depth;

    internal MarkerFrame(ShadowStack stack, int depth)
    {
        Stack = stack;
        Depth = depth;
    }
}
