using System;
using System.Collections.Generic;

namespace HybridProf.Formats;

/// <summary>
/// A file format a profile can be written in: everything the library and the tool know of it.
/// The formats are the rows of the table in FormatTable.cs (<see cref="Svg"/>, <see cref="Pprof"/>, …);
/// there are no others, so formats compare by reference.
/// </summary>
public sealed partial class ProfileFormat
{
    private readonly Func<IProfileWriter> _writer;
    private readonly Func<IProfileReader>? _reader;

    private ProfileFormat(string id, string[] extensions, string description, Func<IProfileWriter> writer, Func<IProfileReader>? reader = null)
    {
        Id = id;
        Extensions = extensions;
        Description = description;
        _writer = writer;
        _reader = reader;
        Rows.Add(this);
    }

    /// <summary>Its short name, as <c>hybridprof --format</c> takes it, e.g. <c>pprof</c>.</summary>
    public string Id { get; }

    /// <summary>The file-name endings that pick it, lower case; the first is the one written.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>What it is, in a few words, for help texts.</summary>
    public string Description { get; }

    /// <summary>Whether files of this format can be read back.</summary>
    public bool CanRead => _reader is not null;

    /// <summary>A writer with default options.</summary>
    public IProfileWriter CreateWriter() => _writer();

    /// <summary>A reader.</summary>
    /// <exception cref="NotSupportedException">The format is written only.</exception>
    public IProfileReader CreateReader() => _reader?.Invoke()
        ?? throw new NotSupportedException($"{Id} files cannot be read back; readable: {ProfileFormats.ReadableExtensions}");

    /// <summary>The <see cref="Id"/>, so messages name a format as <c>--format</c> takes it.</summary>
    public override string ToString() => Id;
}
