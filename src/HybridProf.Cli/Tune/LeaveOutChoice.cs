namespace HybridProf.Cli.Tune;

/// <summary>What the markers may cost, and what a marker costs a call.</summary>
/// <param name="MarkerNanoseconds">Predicted cost of one marked call (a push and a pop).</param>
/// <param name="AllowedNanoseconds">The budget: what the markers that stay may cost the run in all.</param>
/// <param name="MaxOwnPerCallNanoseconds">Only methods cheaper than this per call are left out: a costly method is a hot spot worth its own frame, and its marker is a small part of it.</param>
internal sealed record MarkerBudget(double MarkerNanoseconds, double AllowedNanoseconds, double MaxOwnPerCallNanoseconds);

/// <summary>The methods to leave out, and the marker cost predicted before and after.</summary>
/// <param name="LeftOut">Chosen now, most calls first.</param>
/// <param name="BeforeNanoseconds">Predicted marker cost of the build that ran: every call counted.</param>
/// <param name="AfterNanoseconds">Once rebuilt: without the chosen methods and those the list already leaves out.</param>
/// <param name="FitsBudget">Whether <see cref="AfterNanoseconds"/> is within the budget.</param>
/// <param name="MarkerNanoseconds">The cost of a marked call the prediction used.</param>
internal sealed record LeaveOutPlan(IReadOnlyList<FunctionCalls> LeftOut, double BeforeNanoseconds, double AfterNanoseconds, bool FitsBudget, double MarkerNanoseconds)
{
    /// <summary>Calls that lose their markers with the next build: the chosen methods' and those the list already named.</summary>
    public long LeftOutCalls => MarkerNanoseconds > 0 ? (long)Math.Round((BeforeNanoseconds - AfterNanoseconds) / MarkerNanoseconds) : LeftOut.Sum(f => f.Calls);
}

/// <summary>
/// Chooses the methods to leave out: the most-called cheap ones first, each saving its calls
/// times a marker's cost, until the predicted cost of the markers that stay fits the budget. Most
/// calls first, because the saving is proportional to calls; cheap only, because leaving a
/// method out folds its time into its caller, which is what a profile of a costly method must not do.
/// </summary>
internal static class LeaveOutChoice
{
    /// <param name="functions">The functions the list may name, with their counts.</param>
    /// <param name="otherCalls">Calls of marked functions the list may not name (another project's, or not in the report): they stay.</param>
    /// <param name="alreadyLeftOut">Names the list leaves out already: their markers go with the next build whatever is chosen.</param>
    /// <param name="budget">The costs and the limit.</param>
    public static LeaveOutPlan Choose(IReadOnlyList<FunctionCalls> functions, long otherCalls, IReadOnlySet<string> alreadyLeftOut, MarkerBudget budget)
    {
        // Calls are counted exactly; only the cost of the calls that stay is a prediction.
        long allCalls = functions.Sum(f => f.Calls) + otherCalls;
        long keptCalls = allCalls - functions.Where(f => alreadyLeftOut.Contains(f.Name)).Sum(f => f.Calls);
        bool Fits() => keptCalls * budget.MarkerNanoseconds <= budget.AllowedNanoseconds;

        var leftOut = new List<FunctionCalls>();
        foreach (var function in Candidates(functions, alreadyLeftOut, budget.MaxOwnPerCallNanoseconds))
        {
            if (Fits())
                break;
            leftOut.Add(function);
            keptCalls -= function.Calls;
        }
        return new LeaveOutPlan(leftOut, allCalls * budget.MarkerNanoseconds, keptCalls * budget.MarkerNanoseconds, Fits(), budget.MarkerNanoseconds);
    }

    /// <summary>The functions that may be left out, in the order they are: most calls first, then cheapest per call, then by name.</summary>
    public static IEnumerable<FunctionCalls> Candidates(IReadOnlyList<FunctionCalls> functions, IReadOnlySet<string> alreadyLeftOut, double maxOwnPerCall) =>
        functions
            .Where(f => f.Calls > 0 && f.OwnPerCall <= maxOwnPerCall && !alreadyLeftOut.Contains(f.Name))
            .OrderByDescending(f => f.Calls)
            .ThenBy(f => f.OwnPerCall)
            .ThenBy(f => f.Name, StringComparer.Ordinal);
}
