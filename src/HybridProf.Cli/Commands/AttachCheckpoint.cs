using System.Diagnostics;
using HybridProf.Cli.Agent;
using HybridProf.Contracts;
using HybridProf.Model;

namespace HybridProf.Cli.Commands;

/// <summary>
/// The latest profile an attached recording has received, so that a target that dies (a
/// SIGTERM, a SIGKILL, a crash) still leaves the samples gathered until then. A snapshot costs
/// the app the encoding of its profile, so it is taken every few seconds and never more often
/// than twenty times the last one took (<see cref="CheckpointPace"/>, shared with the runtime's
/// own checkpoint of a <c>HYBRIDPROF_OUTPUT</c> profile): a large profile is asked for less often.
/// </summary>
internal sealed class AttachCheckpoint
{
    private readonly CheckpointPace _pace = new(TimeSpan.FromSeconds(2));

    /// <summary>The latest snapshot, or null before the first.</summary>
    public Profile? Latest { get; private set; }

    /// <summary>When the latest snapshot was taken, in seconds since the recording began.</summary>
    public double LatestAt { get; private set; }

    /// <summary>Takes a snapshot if one is due.</summary>
    /// <exception cref="AgentException">The agent did not answer (the target may be gone).</exception>
    public void TakeIfDue(AgentClient client, int session, double recordingSeconds)
    {
        if (!_pace.IsDue)
            return;
        var took = Stopwatch.StartNew();
        Latest = AttachRecorder.Decode(client.Send("snapshot", json => json.WriteNumber("session", session)));
        LatestAt = recordingSeconds;
        _pace.Took(took.Elapsed);
    }
}
