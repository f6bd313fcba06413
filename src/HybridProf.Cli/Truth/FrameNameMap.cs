namespace HybridProf.Cli.Truth;

/// <summary>
/// Maps the runtime's frame names (dotnet-trace's) to the frames a HybridProf profile shows,
/// by the profile's own frame set: nothing is known of any workload in advance. A runtime frame
/// maps to the one profile frame with the same <see cref="FrameKeys">key</see>; when overloads
/// share the key, to the one whose parameter types match. A name that matches no frame (the
/// base class library, methods folded by the size rule, <c>[NoProfile]</c> code, the runtime's
/// own frames) or more than one (two lambdas of one member, which the two sides number
/// differently) maps to nothing.
/// </summary>
internal sealed class FrameNameMap
{
    private readonly Dictionary<string, List<(string Name, MethodKey Key)>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FrameMapping> _cache = new(StringComparer.Ordinal);

    /// <param name="profileFrames">The frame names of the HybridProf profile; synthetic ones (<c>[GC]</c>, …) are left out.</param>
    public FrameNameMap(IEnumerable<string> profileFrames)
    {
        foreach (string name in profileFrames.Distinct(StringComparer.Ordinal))
        {
            if (name.StartsWith('['))
                continue;
            var key = FrameKeys.FromHybridProf(name);
            if (!_byKey.TryGetValue(key.Key, out var list))
                _byKey.Add(key.Key, list = []);
            list.Add((name, key));
        }
    }

    /// <summary>The profile frame that <paramref name="runtimeName"/> is, if exactly one is.</summary>
    public string? Map(string runtimeName) => Resolve(runtimeName).Frame;

    /// <summary>How <paramref name="runtimeName"/> maps: to one frame, to none, or to several (ambiguous, so to none).</summary>
    public FrameMapping Resolve(string runtimeName)
    {
        if (_cache.TryGetValue(runtimeName, out var cached))
            return cached;
        var mapping = Compute(runtimeName);
        _cache.Add(runtimeName, mapping);
        return mapping;
    }

    private FrameMapping Compute(string runtimeName)
    {
        if (FrameKeys.FromRuntime(runtimeName) is not { } key || !_byKey.TryGetValue(key.Key, out var candidates))
            return FrameMapping.None;
        if (candidates.Count == 1)
            return new FrameMapping(candidates[0].Name, null);
        // Overloads: the ones whose parameters the runtime's name matches.
        if (key.Parameters is { } parameters)
        {
            var matching = candidates.Where(c => c.Key.Parameters is { } p && FrameKeys.SameParameters(parameters, p)).ToList();
            if (matching.Count == 1)
                return new FrameMapping(matching[0].Name, null);
        }
        return new FrameMapping(null, candidates.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray());
    }
}

/// <summary>Where a runtime frame maps.</summary>
/// <param name="Frame">The profile's frame, or null.</param>
/// <param name="Ambiguous">When it could be any of several frames: those (and <paramref name="Frame"/> is null).</param>
internal sealed record FrameMapping(string? Frame, IReadOnlyList<string>? Ambiguous)
{
    public static readonly FrameMapping None = new(null, null);
}
