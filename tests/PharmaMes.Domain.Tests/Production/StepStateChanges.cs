using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using static PharmaMes.Domain.Production.StepState;

namespace PharmaMes.Domain.Tests.Production;

public class StepStateChanges
{
    private const string Step = "Step 3 Compression";

    /// <summary>Every (from, to) pair of step states, written out by hand: 5 × 5 = 25 rows.</summary>
    public static TheoryData<StepState, StepState, bool> Table => new()
    {
        { Pending, Pending, false },
        { Pending, InProgress, true },
        { Pending, AwaitingVerification, false },
        { Pending, Completed, false },
        { Pending, Skipped, true },

        { InProgress, Pending, false },
        { InProgress, InProgress, false },
        { InProgress, AwaitingVerification, true },
        { InProgress, Completed, true },
        { InProgress, Skipped, false },

        { AwaitingVerification, Pending, false },
        { AwaitingVerification, InProgress, false },
        { AwaitingVerification, AwaitingVerification, false },
        { AwaitingVerification, Completed, true },
        { AwaitingVerification, Skipped, false },

        { Completed, Pending, false },
        { Completed, InProgress, false },
        { Completed, AwaitingVerification, false },
        { Completed, Completed, false },
        { Completed, Skipped, false },

        { Skipped, Pending, false },
        { Skipped, InProgress, false },
        { Skipped, AwaitingVerification, false },
        { Skipped, Completed, false },
        { Skipped, Skipped, false },
    };

    [Fact]
    public void TheTableCoversEveryPairOfStatesOnce()
    {
        var states = Enum.GetValues<StepState>();
        var pairs = Table.Select(row => ((StepState)row[0], (StepState)row[1])).ToList();

        Assert.Equal(25, pairs.Count);
        Assert.Equal(states.Length * states.Length, pairs.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void AllowsExactlyTheChangesInTheTable(StepState from, StepState to, bool legal)
    {
        Assert.Equal(legal, StepStateMachine.CanChange(from, to));
        Assert.Equal(legal, StepStateMachine.NextStates(from).Contains(to));
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void EnsureCanChangeRefusesExactlyTheIllegalChanges(StepState from, StepState to, bool legal)
    {
        var ex = Record.Exception(() => StepStateMachine.EnsureCanChange(from, to, Step));

        if (legal)
            Assert.Null(ex);
        else
            Assert.IsType<DomainException>(ex);
    }

    [Theory]
    [InlineData(InProgress, InProgress, "Step 3 Compression is already InProgress.")]
    [InlineData(Pending, Completed, "Step 3 Compression cannot go from Pending to Completed. From Pending it can go to: InProgress, Skipped.")]
    [InlineData(InProgress, Skipped, "Step 3 Compression cannot go from InProgress to Skipped. From InProgress it can go to: AwaitingVerification, Completed.")]
    [InlineData(Completed, InProgress, "Step 3 Compression is Completed: its state can no longer change.")]
    [InlineData(Skipped, InProgress, "Step 3 Compression is Skipped: its state can no longer change.")]
    public void ExplainsAnIllegalChange(StepState from, StepState to, string expected)
    {
        var ex = Assert.Throws<DomainException>(() => StepStateMachine.EnsureCanChange(from, to, Step));

        Assert.Equal(expected, ex.Message);
    }
}
