namespace HybridProf.Agent;

/// <summary>Constants of the control protocol (docs/agent-protocol.md), shared by the agent and the CLI.</summary>
internal static class AgentProtocol
{
    /// <summary>The protocol version this runtime speaks; a request with another <c>v</c> gets <c>unsupported-version</c>.</summary>
    public const int Version = 1;

    /// <summary>Environment variable: <c>0</c> (or <c>false</c>, <c>off</c>) keeps the agent from starting.</summary>
    public const string EnableVariable = "HYBRIDPROF_AGENT";

    /// <summary>Environment variable the CLI sets on a launched child, echoed by <c>hello</c> so it finds its own processes.</summary>
    public const string LaunchIdVariable = "HYBRIDPROF_LAUNCH_ID";

    /// <summary>At most this many clients are served at once; more get <c>busy</c>.</summary>
    public const int MaxConnections = 16;

    /// <summary>Seconds a request may take to arrive whole, a reply to be taken, and a client without a session to stay silent.</summary>
    public const int RequestTimeoutSeconds = 10;

    /// <summary>At most this many sessions per connection; a connection's sessions stop when it closes.</summary>
    public const int MaxSessionsPerConnection = 4;

    /// <summary>Longest pending-operation tracking window a <c>dump</c> may ask for.</summary>
    public const int MaxTrackMs = 10_000;
}
