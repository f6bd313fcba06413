using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using HybridProf.Contracts;
using HybridProf.Formats;
using HybridProf.Model;
using HybridProf.Sampling;

namespace HybridProf.Session;

/// <summary>
/// Keeps a recent copy of a running <c>HYBRIDPROF_OUTPUT</c> profile in its file, so that a
/// process killed before it can write at exit (a test host the runner kills 100 ms after its
/// last test, an OOM kill, a SIGKILL) still leaves the profile of its run until the latest
/// checkpoint. Each checkpoint replaces the file in one step (<see cref="KillSafeFile"/>); they
/// come every second, never more often than twenty times what the last one took
/// (<see cref="CheckpointPace"/>), and say nothing: the final write prints the "wrote" line.
/// </summary>
/// <remarks>
/// Before the first checkpoint (at start, on the thread that starts the session) it builds
/// and encodes the (nearly empty) profile once to <see cref="Stream.Null"/>: the code that
/// writes at exit then runs already compiled, which halved the exit write of a 300-test xunit
/// host in cpu mode at 1 kHz (46 → 18–23 ms); then a made-up profile with something in it.
/// Its thread then writes that one through the whole checkpoint path, to a file that never
/// takes a name, so that no checkpoint is the session's first call of anything.
/// </remarks>
internal sealed class ProfileCheckpoint
{
    /// <summary>The interval while checkpoints are cheap.</summary>
    public static readonly TimeSpan ShortestInterval = TimeSpan.FromSeconds(1);

    private readonly ProfilerSession _session;
    private readonly string _path;
    private readonly string _variable;
    private readonly IProfileWriter _writer;
    private readonly ManualResetEventSlim _finished = new();
    private readonly CheckpointPace _pace = new(ShortestInterval);

    private ProfileCheckpoint(ProfilerSession session, string path, string variable)
    {
        _session = session;
        _path = path;
        _variable = variable;
        _writer = ProfileOutput.WriterFor(ProfileOutput.FormatOf(path));
    }

    /// <summary>
    /// Starts checkpointing <paramref name="session"/> to <paramref name="path"/>: the encoding's
    /// warm-up here, on the caller's thread, and everything that touches the file system
    /// (which can hang, on a dead network share) on a background thread.
    /// </summary>
    /// <param name="session">The running session.</param>
    /// <param name="path">The <c>HYBRIDPROF_OUTPUT</c> path; its extension picks the format, as for the final write.</param>
    /// <param name="variable">Where the path came from, for the one line a failure gets.</param>
    public static ProfileCheckpoint Start(ProfilerSession session, string path, string variable)
    {
        var checkpoint = new ProfileCheckpoint(session, path, variable);
        var scratch = checkpoint.WarmUpEncoding();
        new Thread(() => checkpoint.Run(scratch)) { IsBackground = true, Name = "HybridProf checkpoint" }.Start();
        return checkpoint;
    }

    /// <summary>
    /// Ends checkpointing before the final write: a checkpoint being encoded is abandoned (so
    /// it takes no time from the write that matters), and none takes the file's name after this.
    /// </summary>
    public void Finish() => _finished.Set();

    /// <summary>
    /// Encodes the session's profile and a made-up one that has something in it (the
    /// remarks say why), and returns the made-up one, or null if encoding failed (the thread
    /// meets the failure again and reports it). On the thread that starts the session, before
    /// it returns: launched with the app, that is before the app's Main, so the app's own start
    /// does not share the CPU with this burst of first calls (on two cores, the parser workload
    /// ran 10–25 % slower at any rate, 1 Hz included, while it did).
    /// </summary>
    private Profile? WarmUpEncoding()
    {
        try
        {
            var warmUp = Stopwatch.StartNew();
            _writer.Write(_session.Snapshot(), Stream.Null);
            _pace.Took(warmUp.Elapsed);
            var scratch = BuildScratch();
            _writer.Write(scratch, Stream.Null);
            return scratch;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private void Run(Profile? scratch)
    {
        try
        {
            // A device or pipe (/dev/stdout) gets the final profile only, not one per second.
            if (OutputTarget.IsSpecialFile(OutputTarget.Resolve(Path.GetFullPath(_path))))
                return;
            // A checkpoint's whole path once, now, to a file dropped before it takes a name
            // (ScratchProfile says why).
            try
            {
                scratch ??= BuildScratch();
                KillSafeFile.Write(_path, stream => _writer.Write(scratch, stream), stillWanted: () => false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unwritable: no checkpoints, and no line of ours; the final write says it once.
                return;
            }
            while (!_finished.Wait(_pace.UntilDue))
            {
                var took = Stopwatch.StartNew();
                var profile = _session.Snapshot();
                KillSafeFile.Write(_path, stream => _writer.Write(profile, new AbandonedOnFinish(stream, _finished)), () => !_finished.IsSet);
                _pace.Took(took.Elapsed);
            }
        }
        catch (OperationCanceledException) when (_finished.IsSet)
        {
            // The final write has begun.
        }
        catch (Exception e)
        {
            // Once, and never again: the final write at exit still tries, with its fallbacks.
            Diagnostics.Warn($"{_variable}='{_path}' could not be checkpointed while the app runs ({e.GetType().Name}: {e.Message}); the profile will be written at exit only.");
        }
    }

    // Deterministic mode's own figures are encoded with the session's profile; the made-up one is a sampled profile.
    private Profile BuildScratch() =>
        ScratchProfile.Build(_session.Options.Mode == ProfileMode.Deterministic ? ProfileMode.Cpu : _session.Options.Mode, _session.Options.RateHz);

    /// <summary>Passes writes on until the final write begins, then throws, which ends the encoding at its next write.</summary>
    private sealed class AbandonedOnFinish(Stream inner, ManualResetEventSlim finished) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (finished.IsSet)
                throw new OperationCanceledException("the final write has begun");
            inner.Write(buffer, offset, count);
        }

        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
