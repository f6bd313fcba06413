#if NET8_0_OR_GREATER
using System;

namespace HybridProf.Agent;

/// <summary>
/// What one client may hold of the agent (docs/agent-protocol.md): a connection slot, a thread
/// and a 64 KiB request buffer, each only for a bounded time. Internal so tests can shorten the waits.
/// </summary>
internal sealed record AgentLimits
{
    /// <summary>The limits the agent runs with.</summary>
    public static readonly AgentLimits Default = new();

    /// <summary>Clients served at once; the next gets <c>busy</c>.</summary>
    public int MaxConnections { get; init; } = AgentProtocol.MaxConnections;

    /// <summary>
    /// A request must arrive whole within this of its first byte, a reply be taken within it, and a
    /// connection with no running session must send its next request within it; else it is dropped.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(AgentProtocol.RequestTimeoutSeconds);
}
#endif
