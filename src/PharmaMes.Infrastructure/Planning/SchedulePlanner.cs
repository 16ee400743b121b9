using PharmaMes.Domain.Planning;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// Which method plans a problem: CP-SAT within the time limit when the problem is small enough for the model to be built
/// and searched in that time on these machines; else the earliest-due-date rule at once (measured in docs/benchmarks.md:
/// 500 orders on 40 equipment take CP-SAT longer than 5 s only to build and presolve).
/// </summary>
public static class SchedulePlanner
{
    public static ScheduleProposal Plan(PlanningProblem problem, TimeSpan timeLimit, int maxSolverOperations)
    {
        var operations = problem.Orders.Sum(o => o.Operations.Count);
        return operations <= maxSolverOperations
            ? CpSatScheduler.Plan(problem, timeLimit)
            : EarliestDueDateDispatcher.Plan(problem) with { Method = $"Earliest due date ({operations} operations: more than the solver's {maxSolverOperations})" };
    }
}
