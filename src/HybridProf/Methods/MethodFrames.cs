using HybridProf.Markers;
using HybridProf.Model;

namespace HybridProf.Methods;

/// <summary>
/// Turns the ids that shadow stacks and recordings hold into profile frames: a registered
/// method's name and source line, one of the synthetic frames (negative ids, so they never
/// collide with a method), or a visible placeholder for an id no table explains.
/// </summary>
internal static class MethodFrames
{
    /// <summary>Frames past the depth cap or the bound on call paths.</summary>
    public const int Truncated = -1;

    /// <summary>Garbage-collection pauses.</summary>
    public const int GarbageCollection = -2;

    /// <summary>Wall mode: an async operation suspended at its innermost await.</summary>
    public const int Await = -3;

    /// <summary>Wall mode: a thread inside instrumented code that is waiting.</summary>
    public const int Blocked = -4;

    /// <summary>The frame of <paramref name="id"/>.</summary>
    public static Frame Frame(int id) => id switch
    {
        Truncated => Model.Frame.Truncated,
        GarbageCollection => Model.Frame.GarbageCollection,
        Await => Model.Frame.Await,
        Blocked => Model.Frame.Blocked,
        _ => MethodRegistry.Lookup(id) is { } method
            ? new Frame(method.Name, method.File, method.Line)
            : new Frame(UnknownName(id)),
    };

    /// <summary>The display name of <paramref name="id"/>, without building a frame.</summary>
    public static string Name(int id) => id > 0 && MethodRegistry.Lookup(id) is { } method ? method.Name : Frame(id).Name;

    private static string UnknownName(int id) => $"[unknown method {id}]";
}
