using CsCheck;
using HybridProf.Cli.Tune;

namespace HybridProf.Cli.Tests.Tune;

/// <summary>tune's choice: the most-called cheap methods first, until the markers that stay fit the budget.</summary>
public sealed class LeaveOutChoiceTests
{
    private static readonly IReadOnlySet<string> Nothing = new HashSet<string>();

    private static FunctionCalls F(string name, long calls, double ownPerCall) => new(name, "/src/App/Lexer.cs", calls, calls * ownPerCall);

    private static readonly FunctionCalls[] Lexer =
    [
        F("Calc.Lexer.Next", 500_000, 50),
        F("Calc.Parser.Parse", 10_000, 5_000),
        F("Calc.Lexer.Peek", 1_000_000, 40),
        F("Calc.Lexer.IsDigit", 100_000, 30),
    ];

    private static string[] Names(LeaveOutPlan plan) => plan.LeftOut.Select(f => f.Name).ToArray();

    [Fact]
    public void The_most_called_cheap_methods_go_first_until_the_budget_fits()
    {
        // 1,610,000 calls at 2 ns; 500 µs allowed: Peek (1,000,000) and Next (500,000) must go, 110,000 calls stay.
        var plan = LeaveOutChoice.Choose(Lexer, 0, Nothing, new MarkerBudget(2, 500_000, 1000));

        Assert.Equal(["Calc.Lexer.Peek", "Calc.Lexer.Next"], Names(plan));
        Assert.Equal((3_220_000, 220_000, true), (plan.BeforeNanoseconds, plan.AfterNanoseconds, plan.FitsBudget));
        Assert.Equal(1_500_000, plan.LeftOutCalls);
    }

    [Fact]
    public void Within_the_budget_nothing_is_left_out()
    {
        var plan = LeaveOutChoice.Choose(Lexer, 0, Nothing, new MarkerBudget(2, 3_220_000, 1000));

        Assert.Empty(plan.LeftOut);
        Assert.Equal((3_220_000, 3_220_000, true), (plan.BeforeNanoseconds, plan.AfterNanoseconds, plan.FitsBudget));
    }

    [Fact]
    public void A_costly_method_keeps_its_marker_even_when_the_budget_is_out_of_reach()
    {
        var plan = LeaveOutChoice.Choose(Lexer, 0, Nothing, new MarkerBudget(2, 0, 1000));

        Assert.Equal(["Calc.Lexer.Peek", "Calc.Lexer.Next", "Calc.Lexer.IsDigit"], Names(plan));
        Assert.Equal((20_000, false), (plan.AfterNanoseconds, plan.FitsBudget));
    }

    [Fact]
    public void Names_the_list_already_has_are_not_chosen_again_and_their_markers_go_with_the_build()
    {
        var plan = LeaveOutChoice.Choose(Lexer, 0, new HashSet<string> { "Calc.Lexer.Peek" }, new MarkerBudget(2, 500_000, 1000));

        Assert.Equal(["Calc.Lexer.Next"], Names(plan));
        Assert.Equal((3_220_000, 220_000), (plan.BeforeNanoseconds, plan.AfterNanoseconds));
    }

    [Fact]
    public void Calls_the_list_may_not_name_stay_in_the_prediction()
    {
        var plan = LeaveOutChoice.Choose(Lexer, otherCalls: 300_000, Nothing, new MarkerBudget(2, 500_000, 1000));

        // 300,000 other calls cost 600 µs alone: everything cheap goes and the budget is still missed.
        Assert.Equal(3, plan.LeftOut.Count);
        Assert.Equal((3_820_000, 620_000, false), (plan.BeforeNanoseconds, plan.AfterNanoseconds, plan.FitsBudget));
    }

    [Fact]
    public void Equal_calls_go_cheapest_first_then_by_name()
    {
        FunctionCalls[] tied = [F("B.Two", 100, 20), F("A.One", 100, 20), F("C.Dear", 100, 90)];

        Assert.Equal(["A.One", "B.Two", "C.Dear"], LeaveOutChoice.Candidates(tied, Nothing, 1000).Select(f => f.Name));
    }

    [Fact]
    public void Every_choice_is_needed_and_the_choices_are_the_first_candidates()
    {
        var function = Gen.Select(Gen.Long[0, 5_000_000], Gen.Double[0, 3_000]);
        var cases = Gen.Select(function.Array[0, 25], Gen.Long[0, 1_000_000], Gen.Double[0.5, 30], Gen.Double[0, 50_000_000], Gen.Int[0, 4]);
        cases.Sample((rows, other, marker, allowed, alreadyEvery) =>
        {
            var functions = rows.Select((r, i) => F($"N.T.M{i}", r.Item1, r.Item2)).ToList();
            var already = functions.Where((_, i) => alreadyEvery > 0 && i % (alreadyEvery + 1) == 0).Select(f => f.Name).ToHashSet();
            var budget = new MarkerBudget(marker, allowed, 1_000);

            var plan = LeaveOutChoice.Choose(functions, other, already, budget);

            var candidates = LeaveOutChoice.Candidates(functions, already, budget.MaxOwnPerCallNanoseconds).ToList();
            Assert.Equal(candidates.Take(plan.LeftOut.Count), plan.LeftOut);
            Assert.All(plan.LeftOut, f => Assert.True(f.OwnPerCall <= 1_000 && !already.Contains(f.Name)));
            long all = functions.Sum(f => f.Calls) + other;
            long gone = functions.Where(f => already.Contains(f.Name)).Sum(f => f.Calls) + plan.LeftOut.Sum(f => f.Calls);
            Assert.Equal(all * marker, plan.BeforeNanoseconds, 6);
            Assert.Equal((all - gone) * marker, plan.AfterNanoseconds, 6);
            Assert.Equal(plan.AfterNanoseconds <= allowed, plan.FitsBudget);
            if (plan.LeftOut.Count > 0)
                Assert.True(plan.AfterNanoseconds + plan.LeftOut[^1].Calls * marker > allowed, "the last choice was not needed");
            if (!plan.FitsBudget)
                Assert.Equal(candidates.Count, plan.LeftOut.Count);
        });
    }
}
