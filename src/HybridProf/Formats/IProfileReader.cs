using System;
using System.IO;
using HybridProf.Model;

namespace HybridProf.Formats;

/// <summary>Reads a profile from one file format. Readers know only the model.</summary>
public interface IProfileReader
{
    /// <summary>Reads a whole profile from <paramref name="input"/>, leaving the stream open.</summary>
    /// <exception cref="FormatException">The input is not a well-formed file of this format; the message says where.</exception>
    Profile Read(Stream input);
}
