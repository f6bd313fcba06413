using System.IO;
using HybridProf.Model;

namespace HybridProf.Formats;

/// <summary>Writes a profile in one file format. Writers know only the model.</summary>
public interface IProfileWriter
{
    /// <summary>Writes <paramref name="profile"/> to <paramref name="output"/>, leaving the stream open.</summary>
    void Write(Profile profile, Stream output);
}
