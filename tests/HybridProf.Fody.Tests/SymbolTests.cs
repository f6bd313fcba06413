using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HybridProf.Fody.Tests;

public class SymbolTests
{
    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Sequence_points_survive_weaving(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        string original = Path.Combine(Path.GetDirectoryName(woven.Result.AssemblyPath)!, "..", Path.GetFileName(woven.Result.AssemblyPath));
        var before = SequencePoints(original);
        var after = SequencePoints(woven.Result.AssemblyPath);
        Assert.True(before.Count > 50, $"only {before.Count} methods had sequence points");
        foreach (var (method, points) in before)
            Assert.Equal(points, after[method]);
    }

    private static Dictionary<string, List<(int, int)>> SequencePoints(string path)
    {
        using var module = ModuleDefinition.ReadModule(path, new ReaderParameters { ReadSymbols = true });
        return module.GetTypes().SelectMany(t => t.Methods)
            .Where(m => m.DebugInformation.HasSequencePoints)
            .ToDictionary(
                m => m.FullName + "``" + m.GenericParameters.Count,
                m => m.DebugInformation.SequencePoints.Where(p => !p.IsHidden).Select(p => (p.StartLine, p.StartColumn)).ToList());
    }
}
