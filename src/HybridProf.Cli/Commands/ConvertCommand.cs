using System.CommandLine;
using HybridProf.Formats;

namespace HybridProf.Cli.Commands;

/// <summary><c>hybridprof convert IN -o OUT</c>: any readable format to any format.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("IN") { Description = $"Profile to read: {Options.Readable}." };
        var output = new Option<string>("--output", "-o") { Description = $"File to write; its extension picks the format ({Options.Writable}) unless --format says.", Required = true };
        var format = Options.Format();
        var command = new Command("convert", "Convert a profile from one format to another (e.g. pprof to a flamegraph SVG).") { input, output, format };
        command.SetAction(result => Guard.Run(() =>
        {
            string outPath = result.GetValue(output)!;
            var outFormat = Options.ResolveFormat(outPath, result.GetValue(format));
            var profile = Guard.ReadProfile(result.GetValue(input)!);
            ProfileOutput.Save(profile, outPath, outFormat);
            Terminal.Note($"wrote {outPath} ({profile.TotalSamples:N0} {profile.Metadata.Unit}, {profile.Frames.Count} functions)");
            return 0;
        }));
        return command;
    }
}
