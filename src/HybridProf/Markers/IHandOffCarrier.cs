using System.ComponentModel;

namespace HybridProf.Markers;

/// <summary>
/// What the weaver makes a compiler closure class (<c>&lt;&gt;c__DisplayClass…</c>) implement when
/// its one method is a lambda or local function of the method table: handing a delegate to it
/// over to another thread then stores the hander's node in the closure (<see cref="Carry"/>)
/// instead of wrapping the delegate in a new one, and the lambda's own entry
/// (<see cref="Marker.PushHandedOver"/>, <see cref="Marker.EnterHandedOver"/>) pushes the switch
/// entry to it. The closure and the
/// delegate exist anyway, so the hand-over allocates nothing. Binary contract.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IHandOffCarrier
{
    /// <summary>Runs of this closure's lambdas are under <paramref name="from"/> from now on.</summary>
    void Carry(AsyncNode from);
}
