using System;
using System.Threading;
using HybridProf.Configuration;
using HybridProf.Deterministic;
using HybridProf.Model;
using HybridProf.Sampling;

namespace HybridProf.Session;

/// <summary>
/// One profiling run: started by <see cref="Profiler.Start"/>, ended by <see cref="Stop"/>.
/// Sessions are independent instances; several may run at once.
/// </summary>
public sealed class ProfilerSession : IDisposable
{
    // Exactly one of the two: sampling modes sample, deterministic mode reads the recording.
    private readonly Sampler? _sampler;
    private readonly RecordingSession? _recording;
    private Profile? _result;
    private int _stopped;

    internal ProfilerSession(ProfilerOptions options)
    {
        Options = options;
        if (options.Mode == ProfileMode.Deterministic)
        {
            _recording = new RecordingSession();
            return;
        }
        _sampler = new Sampler(new SamplerOptions(options.Mode, options.RateHz, options.MaxCallPaths));
        _sampler.Start();
    }

    /// <summary>The sampler, in sampling modes: for tests.</summary>
    internal Sampler? Sampler => _sampler;

    /// <summary>The options in effect (after fall-backs, e.g. cpu → wall where no CPU clock exists).</summary>
    public ProfilerOptions Options { get; }

    /// <summary>Samples taken so far (0 in deterministic mode, which times calls instead).</summary>
    public long SampleCount => _sampler?.TotalSamples ?? 0;

    /// <summary>True until <see cref="Stop"/> is called.</summary>
    public bool IsRunning => Volatile.Read(ref _stopped) == 0;

    /// <summary>A profile of the samples so far, while sampling goes on.</summary>
    public Profile Snapshot() => _result ?? (_recording?.Build() ?? _sampler!.Snapshot());

    /// <summary>Stops sampling and returns the profile. Later calls return the same profile.</summary>
    public Profile Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
            Volatile.Write(ref _result, _recording?.Build() ?? _sampler!.Stop());
        return WaitForResult();
    }

    /// <summary>Same as <see cref="Stop"/>.</summary>
    public void Dispose() => Stop();

    private Profile WaitForResult()
    {
        // A concurrent Stop is still building the profile; it takes milliseconds.
        var spin = new SpinWait();
        Profile? result;
        while ((result = Volatile.Read(ref _result)) is null)
            spin.SpinOnce();
        return result;
    }
}
