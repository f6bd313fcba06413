namespace HybridProf.Formats.Pprof;

/// <summary>
/// Field numbers of the subset of <c>perftools.profiles</c> (google/pprof <c>proto/profile.proto</c>,
/// proto3) that HybridProf writes and reads, with the spec's own comments. Fields not listed here
/// (mappings, drop/keep_frames, breakdowns, label sets, …) are skipped by wire type when reading.
/// On disk the serialized message must be gzip-compressed.
/// </summary>
internal static class PprofSchema
{
    /// <summary><c>message Profile</c>.</summary>
    internal static class Profile
    {
        /// <summary>
        /// <c>repeated ValueType sample_type = 1;</c> A description of the samples associated with each
        /// Sample.value. If one of the values represents the number of events represented by the sample,
        /// by convention it should be at index 0 and use sample_type.unit == "count".
        /// </summary>
        public const int SampleType = 1;

        /// <summary><c>repeated Sample sample = 2;</c> The set of samples recorded in this profile.</summary>
        public const int Sample = 2;

        /// <summary><c>repeated Mapping mapping = 3;</c> Address ranges of binaries; not written, skipped.</summary>
        public const int Mapping = 3;

        /// <summary><c>repeated Location location = 4;</c> Useful program location.</summary>
        public const int Location = 4;

        /// <summary><c>repeated Function function = 5;</c> Functions referenced by locations.</summary>
        public const int Function = 5;

        /// <summary>
        /// <c>repeated string string_table = 6;</c> A common table for strings referenced by various
        /// messages. string_table[0] must always be "".
        /// </summary>
        public const int StringTable = 6;

        /// <summary><c>int64 time_nanos = 9;</c> Time the collection started (UTC) as nanoseconds past the epoch.</summary>
        public const int TimeNanos = 9;

        /// <summary><c>int64 duration_nanos = 10;</c> Duration of the profile, if a duration makes sense.</summary>
        public const int DurationNanos = 10;

        /// <summary><c>ValueType period_type = 11;</c> The kind of events between sampled occurrences, e.g. ["cpu","nanoseconds"].</summary>
        public const int PeriodType = 11;

        /// <summary><c>int64 period = 12;</c> The number of events between sampled occurrences.</summary>
        public const int Period = 12;

        /// <summary><c>repeated int64 comment = 13;</c> Freeform text associated to the profile (indices into string table).</summary>
        public const int Comment = 13;

        /// <summary>
        /// <c>int64 default_sample_type = 14;</c> Index into the string table of the type of the preferred
        /// sample value. If unset, clients should default to the last sample value.
        /// </summary>
        public const int DefaultSampleType = 14;
    }

    /// <summary><c>message ValueType</c>: the semantics and measurement units of a value.</summary>
    internal static class ValueType
    {
        /// <summary><c>int64 type = 1;</c> Index into string table.</summary>
        public const int Type = 1;

        /// <summary><c>int64 unit = 2;</c> Index into string table.</summary>
        public const int Unit = 2;
    }

    /// <summary><c>message Sample</c>: values encountered in some program context (a stack trace).</summary>
    internal static class Sample
    {
        /// <summary>
        /// <c>repeated uint64 location_id = 1;</c> The ids recorded here correspond to a Profile.location.id.
        /// The leaf is at location_id[0].
        /// </summary>
        public const int LocationId = 1;

        /// <summary>
        /// <c>repeated int64 value = 2;</c> The type and unit of each value is defined by the corresponding
        /// entry in Profile.sample_type. All samples must have the same number of values.
        /// </summary>
        public const int Value = 2;

        /// <summary><c>repeated Label label = 3;</c> Additional context for this sample, e.g. a thread id.</summary>
        public const int Label = 3;
    }

    /// <summary><c>message Label</c>.</summary>
    internal static class Label
    {
        /// <summary><c>int64 key = 1;</c> Index into string table.</summary>
        public const int Key = 1;

        /// <summary><c>int64 str = 2;</c> Index into string table. At most one of str and num must be present.</summary>
        public const int Str = 2;

        /// <summary><c>int64 num = 3;</c></summary>
        public const int Num = 3;

        /// <summary><c>int64 num_unit = 4;</c> Units of num (index into string table); only present with num.</summary>
        public const int NumUnit = 4;
    }

    /// <summary><c>message Location</c>: function and line table debug information.</summary>
    internal static class Location
    {
        /// <summary><c>uint64 id = 1;</c> Unique nonzero id for the location.</summary>
        public const int Id = 1;

        /// <summary><c>uint64 mapping_id = 2;</c> The id of the corresponding profile.Mapping; can be unset.</summary>
        public const int MappingId = 2;

        /// <summary><c>uint64 address = 3;</c> The instruction address for this location, if available.</summary>
        public const int Address = 3;

        /// <summary>
        /// <c>repeated Line line = 4;</c> Multiple line indicates this location has inlined functions, where
        /// the last entry represents the caller into which the preceding entries were inlined.
        /// </summary>
        public const int Line = 4;
    }

    /// <summary><c>message Line</c>.</summary>
    internal static class Line
    {
        /// <summary><c>uint64 function_id = 1;</c> The id of the corresponding profile.Function for this line.</summary>
        public const int FunctionId = 1;

        /// <summary><c>int64 line = 2;</c> Line number in source code.</summary>
        public const int LineNumber = 2;
    }

    /// <summary><c>message Function</c>.</summary>
    internal static class Function
    {
        /// <summary><c>uint64 id = 1;</c> Unique nonzero id for the function.</summary>
        public const int Id = 1;

        /// <summary><c>int64 name = 2;</c> Name of the function, in human-readable form if available (string index).</summary>
        public const int Name = 2;

        /// <summary>
        /// <c>int64 system_name = 3;</c> Name of the function, as identified by the system, e.g. a C++
        /// mangled name (string index). Read as the name when the name is empty; not written (see PprofWriter).
        /// </summary>
        public const int SystemName = 3;

        /// <summary><c>int64 filename = 4;</c> Source file containing the function (string index).</summary>
        public const int Filename = 4;

        /// <summary><c>int64 start_line = 5;</c> Line number in source file.</summary>
        public const int StartLine = 5;
    }
}
