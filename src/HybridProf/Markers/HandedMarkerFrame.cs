using System.ComponentModel;

namespace HybridProf.Markers;

/// <summary>
/// What <see cref="Marker.PushHandedOver"/> hands to <see cref="Marker.PopHandedOver"/>: the
/// lambda's own frame and, when it runs handed over, the run under the hander's node
/// (binary contract, like <see cref="MarkerFrame"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct HandedMarkerFrame
{
    internal readonly ShadowStack Stack;
    // The depth above the switch entry (when handed over): where the lambda's frame went.
    internal readonly int Depth;
    internal readonly AsyncNode? From;
    internal readonly bool Counted;

    internal HandedMarkerFrame(ShadowStack stack, int depth, AsyncNode? from, bool counted)
    {
        Stack = stack;
        Depth = depth;
        From = from;
        Counted = counted;
    }

    /// <summary>Ends the run under the hander's node, if there is one: the stack goes back below its switch entry.</summary>
    internal void EndRun()
    {
        if (From is { } from)
            HandedWork.End(from, new HandedWork.Scope(Stack, Depth - 1, Counted));
    }
}
