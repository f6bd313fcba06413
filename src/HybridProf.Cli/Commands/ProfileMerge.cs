using HybridProf.Model;

namespace HybridProf.Cli.Commands;

/// <summary>Profiles of several processes of one launch, as one profile (threads kept apart by process).</summary>
internal static class ProfileMerge
{
    public static Profile Merge(IReadOnlyList<Profile> profiles)
    {
        if (profiles.Count == 1)
            return profiles[0];
        var builder = new ProfileBuilder();
        for (int p = 0; p < profiles.Count; p++)
        {
            var profile = profiles[p];
            foreach (var stack in profile.Stacks)
            {
                var thread = profile.Threads[stack.Thread];
                builder.AddStack(thread with { Name = $"process {p + 1}: {thread.Name}" }, stack.Frames.Select(f => profile.Frames[f]), stack.Samples);
            }
        }
        var first = profiles[0].Metadata;
        return builder.Build(first with
        {
            Duration = profiles.Max(p => p.Metadata.Duration),
            MissedTicks = profiles.Sum(p => p.Metadata.MissedTicks),
            // Unknown (0) in any one makes the sum unknown.
            Observations = profiles.Any(p => p.Metadata.Observations == 0) ? 0 : profiles.Sum(p => p.Metadata.Observations),
        });
    }
}
