using HybridProf.Generators.Tests.Infrastructure;
using HybridProf.Generators.Tests.Inputs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HybridProf.Generators.Tests.Generator;

/// <summary>
/// An edit that changes nothing instrumented leaves every step cached and regenerates nothing;
/// the tune list is read only when it changes, and its changes rerun only the table step.
/// </summary>
public class IncrementalTests
{
    private static readonly string[] s_trackedSteps =
    {
        TrackingNames.Enabled, TrackingNames.Compilation, TrackingNames.Declarations, TrackingNames.Collected, TrackingNames.TuneList, TrackingNames.Table,
    };

    private const string TuneList = "# left out\nShop.Cache<TKey, TValue>.Get\n";

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

    [Fact]
    public void An_edit_of_the_tune_list_reruns_the_table_step_only()
    {
        var (first, second) = RunTwiceWithTuneList(text => text + "Program.Main.Report\n");

        Assert.NotEqual(first.Source, second.Source);
        Assert.Equal("t", second.Rows.Row("Program.Main.Report").Flags);
        var result = second.Result.Results.Single();
        foreach (string name in new[] { TrackingNames.Declarations, TrackingNames.Collected, TrackingNames.Compilation })
            Assert.All(result.TrackedSteps[name].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[TrackingNames.Table].Single().Outputs.Single().Reason);
    }

    [Fact]
    public void A_changed_comment_in_the_tune_list_regenerates_nothing()
    {
        // The names move (their offsets are kept for warnings), so the list is read again; the table is the same.
        var (first, second) = RunTwiceWithTuneList(text => text.Replace("# left out", "# hot and tiny", StringComparison.Ordinal));

        Assert.Equal(first.Source, second.Source);
        var result = second.Result.Results.Single();
        Assert.Equal(IncrementalStepRunReason.Unchanged, result.TrackedSteps[TrackingNames.Table].Single().Outputs.Single().Reason);
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    private static (GeneratorRun First, GeneratorRun Second) RunTwiceWithTuneList(Func<string, string> edit)
    {
        var compilation = TestCompilation.Create(ShapesInput.Files, outputKind: OutputKind.ConsoleApplication);
        var tuneList = TestAdditionalText.TuneList(TuneList);
        var first = GeneratorRun.Run(GeneratorRun.CreateDriver(compilation, additionalFiles: new[] { tuneList }), compilation);
        Assert.Equal("t", first.Rows.Row("Shop.Cache<TKey, TValue>.Get").Flags);

        var driver = first.Driver.ReplaceAdditionalText(tuneList, TestAdditionalText.TuneList(edit(TuneList)));
        return (first, GeneratorRun.Run(driver, compilation));
    }

    private static (GeneratorRun First, GeneratorRun Second) RunTwice(
        IEnumerable<(string Path, string Text)> files, string editedPath, Func<string, string> edit)
    {
        var compilation = TestCompilation.Create(files, outputKind: OutputKind.ConsoleApplication);
        var tuneList = TestAdditionalText.TuneList(TuneList);
        var first = GeneratorRun.Run(GeneratorRun.CreateDriver(compilation, additionalFiles: new[] { tuneList }), compilation);

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
