namespace HybridProf.Agent;

/// <summary>
/// Constants of the control protocol (docs/agent-protocol.md). This part is what a client must
/// agree on with the agent, compiled into both; the agent's own limits are in its other part.
/// </summary>
internal static partial class AgentProtocol
{
    /// <summary>The protocol version this runtime speaks; a request with another <c>v</c> gets <c>unsupported-version</c>.</summary>
    public const int Version = 1;

    /// <summary>Environment variable the CLI sets on a launched child, echoed by <c>hello</c> so it finds its own processes.</summary>
    public const string LaunchIdVariable = "HYBRIDPROF_LAUNCH_ID";
}
