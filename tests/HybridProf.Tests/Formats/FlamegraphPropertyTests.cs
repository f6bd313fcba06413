using CsCheck;
using HybridProf.Formats.Flamegraph;

namespace HybridProf.Tests.Formats;

public class FlamegraphPropertyTests
{
    private static readonly string[] Names = { "a", "b", "c<d>", "e&f", "[GC]" };

    // Up to 12 stacks of 1–6 frames drawn from a few names (so recursion and merging happen).
    private static readonly Gen<(string Stack, long Weight)[]> Stacks =
        Gen.Select(Gen.Int[0, Names.Length - 1].Array[1, 6], Gen.Long[1, 5000])
            .Select(s => (string.Join(";", s.Item1.Select(i => Names[i])), s.Item2))
            .Array[1, 12];

    [Fact]
    public void Every_frame_sits_inside_its_parent_and_children_never_overflow()
    {
        Stacks.Sample(stacks =>
        {
            var profile = SampleProfiles.FromCollapsed(stacks);
            var frames = WrittenProfile.Frames(WrittenProfile.Text(new FlamegraphWriter(new FlamegraphOptions { MinWidthPercent = 0.5 }), profile));
            Assert.Equal(profile.TotalSamples, frames[0].DataW);
            foreach (var f in frames.Skip(1))
            {
                // Exactly one frame one level down spans it: its parent.
                Assert.Single(frames, p => p.Y == f.Y + 16 && p.DataX <= f.DataX && f.DataX + f.DataW <= p.DataX + p.DataW);
                Assert.True(f.DataW * 100.0 >= 0.5 * profile.TotalSamples, $"{f.Name} is narrower than the threshold");
            }
            foreach (var p in frames)
            {
                long children = frames.Where(c => c.Y == p.Y - 16 && c.DataX >= p.DataX && c.DataX < p.DataX + p.DataW).Sum(c => c.DataW);
                Assert.True(children <= p.DataW, $"children of {p.Name} weigh {children} > {p.DataW}");
            }
        }, iter: 200);
    }
}
