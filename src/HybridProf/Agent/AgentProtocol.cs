namespace HybridProf.Agent;

// The agent's own limits (docs/agent-protocol.md, "Limits"); what a client must agree on,
// the version and the launch id, is in eng/shared/Agent/AgentProtocol.cs.
internal static partial class AgentProtocol
{
    /// <summary>Environment variable: <c>0</c> (or <c>false</c>, <c>off</c>) keeps the agent from starting.</summary>
    public const string EnableVariable = "HYBRIDPROF_AGENT";

    /// <summary>At most this many clients are served at once; more get <c>busy</c>.</summary>
    public const int MaxConnections = 16;

    /// <summary>Seconds a request may take to arrive whole, a reply to be taken, and a client without a session to stay silent.</summary>
    public const int RequestTimeoutSeconds = 10;

    /// <summary>At most this many sessions per connection; a connection's sessions stop when it closes.</summary>
    public const int MaxSessionsPerConnection = 4;

    /// <summary>Longest pending-operation tracking window a <c>dump</c> may ask for.</summary>
    public const int MaxTrackMs = 10_000;
}
