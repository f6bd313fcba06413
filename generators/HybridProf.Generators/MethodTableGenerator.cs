using HybridProf.Generators.Discovery;
using HybridProf.Generators.Emit;
using HybridProf.Generators.Model;
using HybridProf.Generators.Tuning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HybridProf.Generators;

/// <summary>
/// Emits the method table: which methods of the assembly are instrumented, with the names
/// and locations the weaver and the runtime need (docs/method-table.md).
/// </summary>
/// <remarks>
/// Every declaration with a body is a candidate, because <c>[assembly: Profile]</c>
/// instruments members that carry no attribute; <c>ForAttributeWithMetadataName</c> would
/// only see the attributed ones. The per-declaration transform returns plain data, so only
/// the final table step reruns when an edit changes nothing instrumented. The tune list is an
/// input of its own, read into plain data and combined only at the table step, so editing it
/// reruns that step alone, and editing code never rereads it.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class MethodTableGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var enabled = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => EnabledOption.Read(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Enabled);

        var smallMethodLimit = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SmallMethodLimitOption.Read(options.GlobalOptions))
            .WithTrackingName(TrackingNames.SmallMethodLimit);

        var facts = context.CompilationProvider
            .Select(static (compilation, _) => CompilationFactsReader.Read(compilation))
            .WithTrackingName(TrackingNames.Compilation);

        var declarations = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => DeclarationFilter.IsCandidate(node),
                static (ctx, cancellationToken) => MemberTransform.Transform(ctx, cancellationToken))
            .Where(static entries => !entries.IsEmpty)
            .WithTrackingName(TrackingNames.Declarations);

        var tuneLists = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => TuneListReader.IsTuneList(pair.Left, pair.Right))
            .Select(static (pair, cancellationToken) => TuneListReader.Read(pair.Left, cancellationToken))
            .WithTrackingName(TrackingNames.TuneList)
            .Collect();

        var table = declarations.Collect()
            .WithTrackingName(TrackingNames.Collected)
            .Combine(facts)
            .Combine(enabled)
            .Combine(tuneLists)
            .Combine(smallMethodLimit)
            .Select(static (input, _) => TableBuilder.Build(input.Left.Left.Left.Left, input.Left.Left.Left.Right, input.Left.Left.Right, input.Left.Right, input.Right.Value))
            .WithTrackingName(TrackingNames.Table);

        // One output: a bad limit matters only where there is a table to weave.
        context.RegisterSourceOutput(table.Combine(smallMethodLimit), static (spc, input) =>
        {
            var (model, limit) = input;
            if (model is null)
                return;
            if (limit.Invalid is { } text)
                spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.DiagnosticDescriptors.InvalidSmallMethodLimit, Location.None, text));
            spc.AddSource(MethodTableEmitter.HintName, SourceText.From(MethodTableEmitter.Emit(model), System.Text.Encoding.UTF8));
            foreach (var warning in model.Warnings)
                spc.ReportDiagnostic(warning.ToDiagnostic());
        });
    }
}
