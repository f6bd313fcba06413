using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace HybridProf.Benchmarks;

/// <summary>
/// The floor under the markers: the same push/pop with the per-thread stack found through a
/// [ThreadStatic] reference (what Marker.Enter does) and through a [ThreadStatic] int slot
/// into a shared array. Both pay the runtime's thread-local lookup, which dominates here.
/// </summary>
public class ThreadStaticCostBenchmarks
{
    [Benchmark(Baseline = true, OperationsPerInvoke = 1000)]
    public int Plain() { int a = 1; for (int i = 0; i < 1000; i++) a = Tls.Plain(a, i); return a; }

    [Benchmark(OperationsPerInvoke = 1000)]
    public int Ref() { int a = 1; for (int i = 0; i < 1000; i++) a = Tls.ViaRef(a, i); return a; }

    [Benchmark(OperationsPerInvoke = 1000)]
    public int Slot() { int a = 1; for (int i = 0; i < 1000; i++) a = Tls.ViaSlot(a, i); return a; }

    [Benchmark(OperationsPerInvoke = 1000)]
    public int NativeBlock() { int a = 1; for (int i = 0; i < 1000; i++) a = Tls.ViaNativeBlock(a, i); return a; }
}

[NoProfile]
public sealed class Holder
{
    public int[] F = new int[64];
    public int D;
}

[NoProfile]
public static unsafe class Tls
{
    // Pointers are non-GC thread statics: .NET 9+ keeps those inline in the thread's block,
    // one load after the runtime's thread-local lookup instead of a chain of them.
    [ThreadStatic] private static int* t_block;

    [ThreadStatic] private static Holder? t_ref;
    [ThreadStatic] private static int t_slot;
    private static readonly Holder[] s_all = new Holder[1024];

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Plain(int a, int i) => (a * 31) ^ i;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int ViaRef(int a, int i)
    {
        var h = t_ref ??= new Holder();
        int d = h.D; h.F[d] = i; h.D = d + 1;
        int r = (a * 31) ^ i;
        h.D--;
        return r;
    }

    /// <summary>
    /// The depth and the frames in pinned arrays found through pointer thread statics (the
    /// depth cell never moves, so a pop can restore it through the pointer its push saw).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int ViaNativeBlock(int a, int i)
    {
        int* depthCell = t_block;
        if (depthCell == null)
            depthCell = AttachBlock();
        int d = *depthCell;
        if ((uint)d < (uint)t_capacity)
        {
            t_frames[d] = i;
            System.Threading.Volatile.Write(ref *depthCell, d + 1);
        }
        int r = (a * 31) ^ i;
        *depthCell = d;
        return r;
    }

    [ThreadStatic] private static int* t_frames;
    [ThreadStatic] private static int t_capacity;
    [ThreadStatic] private static int[]? t_pinned;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int* AttachBlock()
    {
        t_pinned = GC.AllocateArray<int>(65, pinned: true);
        t_block = (int*)Unsafe.AsPointer(ref t_pinned[0]);
        t_frames = t_block + 1;
        t_capacity = 64;
        return t_block;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int ViaSlot(int a, int i)
    {
        int s = t_slot;
        if (s == 0) { s = t_slot = 1; s_all[1] = new Holder(); }
        var h = s_all[s];
        int d = h.D; h.F[d] = i; h.D = d + 1;
        int r = (a * 31) ^ i;
        h.D--;
        return r;
    }
}
