using HybridProf.Generators.Tests.Infrastructure;
using HybridProf.Generators.Tests.Inputs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HybridProf.Generators.Tests.Generator;

/// <summary>An edit that changes nothing instrumented leaves every step cached and regenerates nothing.</summary>
public class IncrementalTests
{
    private static readonly string[] s_trackedSteps =
    {
        TrackingNames.Enabled, TrackingNames.Compilation, TrackingNames.Declarations, TrackingNames.Collected, TrackingNames.Table,
    };

    [Fact]
    public void A_comment_in_an_unrelated_file_keeps_every_step_cached()
    {
        var (first, second) = RunTwice(ShapesInput.Files, "/src/Shop/Color.cs", text => "// Colors of the shop.\n" + text);

        Assert.Equal(first.Source, second.Source);
        AssertAllCached(second);
    }

    [Fact]
    public void A_comment_after_the_last_member_of_an_instrumented_file_keeps_every_step_cached()
    {
        var (first, second) = RunTwice(ShapesInput.Files, "/src/Shop/Geometry.cs", text => text + "\n// a comment at the end\n");

        Assert.Equal(first.Source, second.Source);
        AssertAllCached(second);
    }

    [Fact]
    public void An_edit_inside_a_body_that_moves_nothing_keeps_the_table()
    {
        var (_, second) = RunTwice(ShapesInput.Files, "/src/Shop/Text/Parser.cs", text => text.Replace("x => x * 2", "x => x * 3", StringComparison.Ordinal));

        AssertAllCached(second);
    }

    [Fact]
    public void A_new_method_regenerates_the_table()
    {
        var (first, second) = RunTwice(ShapesInput.Files, "/src/Shop/Geometry.cs", text => text + "\nclass Added { void M() { } }\n");

        Assert.NotEqual(first.Source, second.Source);
        Assert.Contains("Added.M", second.Source);
        var output = second.Result.Results.Single().TrackedOutputSteps.Single().Value.Single();
        Assert.Equal(IncrementalStepRunReason.Modified, output.Outputs.Single().Reason);
    }

    private static (GeneratorRun First, GeneratorRun Second) RunTwice(
        IEnumerable<(string Path, string Text)> files, string editedPath, Func<string, string> edit)
    {
        var compilation = TestCompilation.Create(files, outputKind: OutputKind.ConsoleApplication);
        var first = GeneratorRun.Run(GeneratorRun.CreateDriver(compilation), compilation);

        var oldTree = compilation.SyntaxTrees.Single(t => t.FilePath == editedPath);
        var newTree = CSharpSyntaxTree.ParseText(edit(oldTree.GetText().ToString()), (CSharpParseOptions)oldTree.Options, editedPath);
        var second = GeneratorRun.Run(first.Driver, compilation.ReplaceSyntaxTree(oldTree, newTree));
        return (first, second);
    }

    private static void AssertAllCached(GeneratorRun run)
    {
        var result = run.Result.Results.Single();
        foreach (string name in s_trackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} is not tracked");
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {name}: {reason}");
            }
        }

        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }
}
