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
    internal readonly MarkerFrame Frame;
    internal readonly AsyncNode? From;
    internal readonly HandedWork.Scope Run;

    internal HandedMarkerFrame(MarkerFrame frame, AsyncNode? from, HandedWork.Scope run)
    {
        Frame = frame;
        From = from;
        Run = run;
    }
}
