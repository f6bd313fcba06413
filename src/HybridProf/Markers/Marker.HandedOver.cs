using System.Runtime.CompilerServices;

namespace HybridProf.Markers;

// The entries and exits of a closure's lambda that carries its own hand-over (IHandOffCarrier, docs/async.md).
public static partial class Marker
{
    /// <summary>
    /// Entry of a lambda or local function of a closure class that carries hand-overs
    /// (<see cref="IHandOffCarrier"/>): with <paramref name="from"/> set (the closure was handed
    /// over), the switch entry to the hander's node first, as a wrapped delegate's run pushes it,
    /// then the frame; without, the same as <see cref="Push"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HandedMarkerFrame PushHandedOver(int id, AsyncNode? from)
    {
        var stack = ShadowStack.OfCaller();
        bool counted = from is not null && HandedWork.BeginOn(stack, from);
        var frame = PushOn(stack, id);
        return new HandedMarkerFrame(stack, frame.Depth, from, counted);
    }

    /// <summary>Exit of what <see cref="PushHandedOver"/> entered.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void PopHandedOver(HandedMarkerFrame frame)
    {
        Pop(new MarkerFrame(frame.Stack, frame.Depth));
        frame.EndRun();
    }

    /// <summary>
    /// Entry of a closure's lambda that has no frame of its own (folded into its callers, or
    /// left out by the tune list) in a closure class that carries hand-overs: only the switch
    /// entry to the hander's node when <paramref name="from"/> is set; nothing otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HandedMarkerFrame EnterHandedOver(AsyncNode? from)
    {
        if (from is null)
            return default;
        var stack = ShadowStack.OfCaller();
        bool counted = HandedWork.BeginOn(stack, from);
        return new HandedMarkerFrame(stack, stack.Depth, from, counted);
    }

    /// <summary>Exit of what <see cref="EnterHandedOver"/> entered.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ExitHandedOver(HandedMarkerFrame frame) => frame.EndRun();
}
