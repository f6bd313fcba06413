using System.Diagnostics;
using System.Text.Json;
using HybridProf.Cli.Agent;
using HybridProf.Formats;
using HybridProf.Formats.Pprof;
using HybridProf.Model;

namespace HybridProf.Cli.Commands;

/// <summary>
/// Attach mode: start a session in a running app through its agent, wait, stop it and save the
/// profile it sends back. A snapshot every few seconds (<see cref="AttachCheckpoint"/>) means a
/// target that dies mid-recording still leaves the samples gathered until its last snapshot. The session belongs to this connection: if the tool dies, the agent
/// stops it, so the app is never left sampling.
/// </summary>
internal static class AttachRecorder
{
    public static int Run(int pid, RecordSettings settings)
    {
        using var interrupt = new Interrupt();
        using var client = AgentClient.Connect(pid);
        var started = client.Send("start", json =>
        {
            json.WriteString("mode", settings.Mode);
            json.WriteNumber("rateHz", settings.Rate);
        });
        int session = started.GetProperty("session").GetInt32();
        string limit = settings.Duration is { } d ? $"for {d:0.#} s" : "until Ctrl+C";
        Terminal.Note($"recording process {pid} ({started.GetProperty("mode").GetString()} mode, {settings.Rate} Hz) {limit}");

        var clock = Stopwatch.StartNew();
        var end = settings.Duration is { } seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.MaxValue;
        bool live = !Console.IsErrorRedirected;
        var checkpoint = new AttachCheckpoint();
        bool targetGone = false;
        while (clock.Elapsed < end && !interrupt.Requested)
        {
            // Clamped at zero: the end can pass between the loop's check and this line, and a
            // wait of -1 ms means "forever" to WaitOne (seen: a recording that never stopped).
            var wait = end - clock.Elapsed;
            interrupt.Handle.WaitOne(wait < TimeSpan.Zero ? TimeSpan.Zero : wait < TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1));
            if (!ProcessLiveness.IsAlive(pid) || !TryKeepUp(client, session, checkpoint, clock, live))
            {
                targetGone = true;
                break;
            }
        }
        if (live)
            Console.Error.Write("\r\u001b[K");

        if (!targetGone && TryStop(client, session) is { } profile)
        {
            ProfileOutput.Save(profile, settings.Output, settings.Format);
            Terminal.Note($"wrote {settings.Output} ({Describe(profile)}); process {pid} runs on.");
            return 0;
        }
        return SaveWhatWasGathered(pid, settings, checkpoint);
    }

    // One turn of the wait: the status line and, when due, a checkpoint. False when the agent
    // no longer answers, which while attached means the target has gone.
    private static bool TryKeepUp(AgentClient client, int session, AttachCheckpoint checkpoint, Stopwatch clock, bool live)
    {
        try
        {
            checkpoint.TakeIfDue(client, session, clock.Elapsed.TotalSeconds);
            if (live)
            {
                long samples = client.Send("status", json => json.WriteNumber("session", session)).GetProperty("samples").GetInt64();
                Console.Error.Write($"\rhybridprof: {clock.Elapsed.TotalSeconds:0} s, {samples:N0} samples\u001b[K");
            }
            return true;
        }
        catch (AgentException)
        {
            return false;
        }
    }

    // The target may die between the last turn and the stop request: then the checkpoint holds what there is.
    private static Profile? TryStop(AgentClient client, int session)
    {
        try
        {
            return Decode(client.Send("stop", json => json.WriteNumber("session", session)));
        }
        catch (AgentException)
        {
            return null;
        }
    }

    private static int SaveWhatWasGathered(int pid, RecordSettings settings, AttachCheckpoint checkpoint)
    {
        if (checkpoint.Latest is not { } profile)
        {
            Terminal.Note($"process {pid} exited before a profile could be received; nothing written.");
            return 1;
        }
        ProfileOutput.Save(profile, settings.Output, settings.Format);
        Terminal.Note($"process {pid} exited; wrote {settings.Output} with what was gathered until {checkpoint.LatestAt:0} s ({Describe(profile)}).");
        return 0;
    }

    private static string Describe(Profile profile) =>
        $"{profile.TotalSamples:N0} {profile.Metadata.Unit}, {profile.Metadata.Mode.ToString().ToLowerInvariant()} mode, {profile.Metadata.Duration.TotalSeconds:0.0} s";

    /// <summary>The profile in a snapshot/stop reply (pprof bytes, base64).</summary>
    public static Profile Decode(JsonElement reply)
    {
        byte[] bytes = reply.GetProperty("profile").GetBytesFromBase64();
        using var stream = new MemoryStream(bytes);
        return new PprofReader().Read(stream);
    }
}
