using System;
using System.Collections.Generic;

namespace HybridProf.Formats;

/// <summary>One row of the table of formats (<see cref="ProfileFormats.All"/>): everything the library and the tool know of a format.</summary>
public sealed class ProfileFormatInfo
{
    private readonly Func<IProfileWriter> _writer;
    private readonly Func<IProfileReader>? _reader;

    internal ProfileFormatInfo(ProfileFormat format, string id, string[] extensions, string description, Func<IProfileWriter> writer, Func<IProfileReader>? reader = null)
    {
        Format = format;
        Id = id;
        Extensions = extensions;
        Description = description;
        _writer = writer;
        _reader = reader;
    }

    /// <summary>The format's enum value.</summary>
    public ProfileFormat Format { get; }

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
        ?? throw new NotSupportedException($"{Format} files cannot be read back; readable: {ProfileFormats.ReadableExtensions}");
}
