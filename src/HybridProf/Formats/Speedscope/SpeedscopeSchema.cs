namespace HybridProf.Formats.Speedscope;

/// <summary>
/// Property names and values of the speedscope file format (jlfwong/speedscope
/// <c>src/lib/file-format-spec.ts</c>, published as <c>file-format-schema.json</c>), the subset
/// HybridProf writes and reads: sampled profiles only. Required by the schema: <c>$schema</c>,
/// <c>shared.frames[].name</c>, <c>profiles</c>, and each sampled profile's <c>type</c>,
/// <c>name</c>, <c>unit</c>, <c>startValue</c>, <c>endValue</c>, <c>samples</c>, <c>weights</c>.
/// </summary>
internal static class SpeedscopeSchema
{
    /// <summary><c>$schema: 'https://www.speedscope.app/file-format-schema.json'</c>: how speedscope recognises the format.</summary>
    public const string SchemaProperty = "$schema";

    /// <summary>The only value <c>$schema</c> may have.</summary>
    public const string SchemaUrl = "https://www.speedscope.app/file-format-schema.json";

    /// <summary><c>shared: { frames: Frame[] }</c>: data shared between profiles.</summary>
    public const string Shared = "shared";

    /// <summary><c>frames</c>: every frame once; stacks refer to them by index.</summary>
    public const string Frames = "frames";

    /// <summary><c>profiles: Profile[]</c>: list of profile definitions.</summary>
    public const string Profiles = "profiles";

    /// <summary>
    /// <c>name?: string</c> (file): the name of the contained profile group; if omitted, the file's
    /// name. <c>name: string</c> (profile): name of the profile; here, the thread's name.
    /// <c>name: string</c> (frame): the function.
    /// </summary>
    public const string Name = "name";

    /// <summary><c>activeProfileIndex?: number</c>: the index into <c>profiles</c> displayed upon load (default 0).</summary>
    public const string ActiveProfileIndex = "activeProfileIndex";

    /// <summary>
    /// <c>exporter?: string</c>: the program which exported this profile; not consumed, but helpful
    /// for debugging generated data.
    /// </summary>
    public const string Exporter = "exporter";

    /// <summary>The value of <c>exporter</c> in HybridProf's files.</summary>
    public const string ExporterName = "hybridprof";

    /// <summary><c>file?: string</c> (frame): source file.</summary>
    public const string File = "file";

    /// <summary><c>line?: number</c> (frame): source line.</summary>
    public const string Line = "line";

    /// <summary><c>type: 'sampled' | 'evented'</c>: the kind of profile, a discriminated union.</summary>
    public const string Type = "type";

    /// <summary>The profile type HybridProf writes: stacks with weights.</summary>
    public const string Sampled = "sampled";

    /// <summary>
    /// <c>unit: ValueUnit</c>: unit of all values in the profile: <c>none</c>, <c>nanoseconds</c>,
    /// <c>microseconds</c>, <c>milliseconds</c>, <c>seconds</c> or <c>bytes</c>.
    /// </summary>
    public const string Unit = "unit";

    /// <summary><c>startValue: number</c>: the starting value of the profile; all values are relative to it.</summary>
    public const string StartValue = "startValue";

    /// <summary><c>endValue: number</c>: the final value; must be greater than or equal to <c>startValue</c>.</summary>
    public const string EndValue = "endValue";

    /// <summary><c>samples: SampledStack[]</c>: each stack a list of indices into the frame array, root first.</summary>
    public const string Samples = "samples";

    /// <summary><c>weights: number[]</c>: the weight of the sample at the same index; same length as <c>samples</c>.</summary>
    public const string Weights = "weights";
}
