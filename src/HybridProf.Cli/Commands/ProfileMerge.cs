using System.Globalization;
using System.Text.RegularExpressions;
using HybridProf.Formats;
using HybridProf.Model;

namespace HybridProf.Cli.Commands;

/// <summary>One profile written by one process of a launch.</summary>
internal sealed record ProcessProfile(int Pid, Profile Profile)
{
    /// <summary>How its threads are labelled in a merged profile: <c>E2eApp (pid 4242)</c>.</summary>
    public string Label => $"{Profile.Metadata.Program ?? "process"} (pid {Pid})";

    /// <summary>Reads a profile a process wrote to a path whose <c>{pid}</c> became its id (<c>profile-4242.pb.gz</c>).</summary>
    public static ProcessProfile Read(string path)
    {
        var pid = Regex.Match(Path.GetFileName(path), @"-(\d+)\.");
        return new(pid.Success ? int.Parse(pid.Groups[1].Value, CultureInfo.InvariantCulture) : 0, ProfileFormats.Read(path));
    }
}

/// <summary>Profiles of several processes of one launch, as one profile (threads kept apart by process).</summary>
internal static class ProfileMerge
{
    /// <summary>
    /// One profile; with several processes each thread's name starts with its process's
    /// label (pprof's thread label, speedscope's per-thread profile names), the first process
    /// (the one launched) names the profile.
    /// </summary>
    public static Profile Merge(IReadOnlyList<ProcessProfile> processes)
    {
        if (processes.Count == 1)
            return processes[0].Profile;
        var builder = new ProfileBuilder();
        foreach (var process in processes)
        {
            var profile = process.Profile;
            foreach (var stack in profile.Stacks)
            {
                var thread = profile.Threads[stack.Thread];
                builder.AddStack(thread with { Name = $"{process.Label}: {thread.Name}" }, stack.Frames.Select(f => profile.Frames[f]), stack.Samples);
            }
        }
        var all = processes.Select(p => p.Profile).ToList();
        var first = all[0].Metadata;
        return builder.Build(first with
        {
            Duration = all.Max(p => p.Metadata.Duration),
            MissedTicks = all.Sum(p => p.Metadata.MissedTicks),
            // Unknown (0) in any one makes the sum unknown.
            Observations = all.Any(p => p.Metadata.Observations == 0) ? 0 : all.Sum(p => p.Metadata.Observations),
        });
    }
}
