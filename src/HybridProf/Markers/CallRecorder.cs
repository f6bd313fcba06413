namespace HybridProf.Markers;

/// <summary>
/// One thread's exact recording of its calls, which the markers feed in deterministic mode
/// only. The markers own this contract so that they depend on no recorder; the deterministic
/// recorder implements it. Depths are shadow-stack depths; every call comes from the owning thread.
/// </summary>
internal abstract class CallRecorder
{
    /// <summary>A method was entered at <paramref name="depth"/> (before the push).</summary>
    public abstract void Enter(int id, int depth);

    /// <summary>The frame at <paramref name="depth"/> (after the pop) returns or throws.</summary>
    public abstract void Exit(int depth);

    /// <summary>A resumed async slice starts at <paramref name="depth"/>, on <paramref name="node"/>'s logical path.</summary>
    public abstract void Resume(AsyncNode node, int depth);

    /// <summary>The async marker's exit at <paramref name="depth"/> (after the pop): ends a resumed slice, or an ordinary frame.</summary>
    public abstract void ExitAsync(int depth);

    /// <summary>When the frame at <paramref name="depth"/> was entered (Stopwatch timestamp).</summary>
    public abstract long EnteredAt(int depth);

    /// <summary>An async operation of <paramref name="method"/> that started at <paramref name="startedAt"/> completed now.</summary>
    public abstract void Completed(int method, long startedAt);

    /// <summary>The method id of the path on top of the recording.</summary>
    public abstract int TopMethod { get; }
}
