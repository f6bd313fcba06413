using System.Collections.Generic;

namespace HybridProf.Model;

/// <summary>
/// One distinct stack and how often it was seen on one thread.
/// </summary>
/// <param name="Thread">Index into <see cref="Profile.Threads"/>.</param>
/// <param name="Frames">Indices into <see cref="Profile.Frames"/>, root first, leaf last.</param>
/// <param name="Samples">Number of samples (in deterministic mode: nanoseconds of own time).</param>
public sealed record ProfileStack(int Thread, IReadOnlyList<int> Frames, long Samples);
