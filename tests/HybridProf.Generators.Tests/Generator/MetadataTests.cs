using HybridProf.Generators.Tests.Infrastructure;
using HybridProf.Generators.Tests.Inputs;
using Microsoft.CodeAnalysis;

namespace HybridProf.Generators.Tests.Generator;

/// <summary>
/// Every row can be found in the compiled assembly the way docs/method-table.md tells the
/// weaver to find it, with names and signatures computed from metadata alone.
/// </summary>
public class MetadataTests
{
    private static readonly GeneratorRun s_run =
        GeneratorRun.Run(TestCompilation.Create(ShapesInput.Files, outputKind: OutputKind.ConsoleApplication));

    private static readonly IReadOnlyList<MetadataMethod> s_methods = MetadataView.Read(CompileTests.Emit(s_run.Output));

    private static readonly GeneratorRun s_signatures =
        GeneratorRun.Run(TestCompilation.Create(new[] { ("/src/Sig.cs", SignaturesInput.Source) }));

    private static readonly IReadOnlyList<MetadataMethod> s_signatureMethods = MetadataView.Read(CompileTests.Emit(s_signatures.Output));

    public static TheoryData<string, string> Members()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in s_run.Rows.Where(r => r.Kind is not ("lambda" or "local")))
            data.Add("shapes", row.Display);
        foreach (var row in s_signatures.Rows.Where(r => r.Kind is not ("lambda" or "local")))
            data.Add("signatures", row.Display);
        return data;
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void Each_member_row_names_exactly_one_method_by_type_name_and_signature(string input, string display)
    {
        var (run, methods) = input == "shapes" ? (s_run, s_methods) : (s_signatures, s_signatureMethods);
        var row = run.Rows.Row(display);

        var matches = methods.Where(m => m.Type == row.Type && m.Name == row.Member && m.Signature == row.Signature).ToList();

        var method = Assert.Single(matches);
        // The flags' state-machine letters (a, i) must match the compiled method; p (pinned) is not about its shape.
        string stateMachineLetters = row.Flags.Replace("p", "", StringComparison.Ordinal);
        Assert.Equal(stateMachineLetters.Length == 0 ? "-" : stateMachineLetters, StateMachineFlags(method));
    }

    [Theory]
    [InlineData("shapes")]
    [InlineData("signatures")]
    public void Every_compiled_lambda_has_exactly_one_row_and_no_row_is_left_over(string input)
    {
        var (run, methods) = input == "shapes" ? (s_run, s_methods) : (s_signatures, s_signatureMethods);
        foreach (var member in run.Rows.GroupBy(r => (r.Type, r.Member)))
        {
            int rows = member.Count(r => r.Kind == "lambda");
            int compiled = methods.Count(m => IsSameOrNestedIn(m.Type, member.Key.Type) && m.Name.StartsWith($"<{member.Key.Member}>b__", StringComparison.Ordinal));
            // Cache's field initializer `_grow = n => n * 2` compiles into its constructor but is not listed.
            int unlisted = member.Key == ("Shop.Cache`2", ".ctor") ? 1 : 0;
            Assert.True(rows + unlisted == compiled, $"{member.Key}: {rows} lambda rows, {compiled} compiled lambdas");
        }
    }

    [Theory]
    [InlineData("shapes")]
    [InlineData("signatures")]
    public void Every_local_function_row_has_its_compiled_method(string input)
    {
        var (run, methods) = input == "shapes" ? (s_run, s_methods) : (s_signatures, s_signatureMethods);
        foreach (var row in run.Rows.Where(r => r.Kind == "local"))
        {
            var method = Assert.Single(methods, m => IsSameOrNestedIn(m.Type, row.Type) && m.Name.StartsWith($"<{row.Member}>g__{row.LocalKey}|", StringComparison.Ordinal));
            // The flags' state-machine letters (a, i) must match the compiled method; p (pinned) is not about its shape.
        string stateMachineLetters = row.Flags.Replace("p", "", StringComparison.Ordinal);
        Assert.Equal(stateMachineLetters.Length == 0 ? "-" : stateMachineLetters, StateMachineFlags(method));
        }
    }

    private static bool IsSameOrNestedIn(string type, string container) =>
        type == container || type.StartsWith(container + "/", StringComparison.Ordinal);

    private static string StateMachineFlags(MetadataMethod method) =>
        method.Attributes.Contains("AsyncIteratorStateMachineAttribute") ? "ai"
        : method.Attributes.Contains("AsyncStateMachineAttribute") ? "a"
        : method.Attributes.Contains("IteratorStateMachineAttribute") ? "i"
        : "-";
}
