#if NET8_0_OR_GREATER
using System.Runtime.InteropServices;

namespace HybridProf.Agent;

/// <summary>The libc calls the agent needs; blittable signatures so NativeAOT needs no marshalling stubs.</summary>
internal static class NativeMethods
{
    [DllImport("libc")]
    internal static extern uint geteuid();
}
#endif
