using System;
using HybridProf.Session;

namespace HybridProf.Agent;

/// <summary>
/// The control endpoint the <c>hybridprof</c> command talks to (docs/agent-protocol.md). On by
/// default in instrumented processes on .NET 8 and newer; <c>HYBRIDPROF_AGENT=0</c> turns it
/// off. Idle, it is one background thread blocked in <c>accept</c>: no timer, no polling.
/// </summary>
internal static partial class ControlAgent
{
    /// <summary>
    /// Starts the agent unless <c>HYBRIDPROF_AGENT</c> says not to. Returns at once (the socket
    /// is made on the agent's own thread) and never throws.
    /// </summary>
    /// <param name="autoSession">The session the environment started, if any, for <c>hello</c>.</param>
    public static void StartIfEnabled(Func<ProfilerSession?> autoSession)
    {
        try
        {
            if (IsEnabled(Environment.GetEnvironmentVariable(AgentProtocol.EnableVariable), Diagnostics.Warn))
                Start(autoSession);
        }
        catch (Exception e)
        {
            Diagnostics.Warn($"the control agent could not start: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Unset, <c>1</c>, <c>true</c>, <c>on</c>: enabled; <c>0</c>, <c>false</c>, <c>off</c>: disabled.</summary>
    internal static bool IsEnabled(string? value, Action<string> warn)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "1" or "true" or "on" or "yes": return true;
            case "0" or "false" or "off" or "no": return false;
            default:
                warn($"{AgentProtocol.EnableVariable}='{value}' is not 0 or 1; the control agent stays on.");
                return true;
        }
    }

    static partial void Start(Func<ProfilerSession?> autoSession);
}
