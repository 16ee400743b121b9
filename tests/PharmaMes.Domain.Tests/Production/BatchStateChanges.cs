using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using static PharmaMes.Domain.Production.BatchState;

namespace PharmaMes.Domain.Tests.Production;

public class BatchStateChanges
{
    private static readonly BatchNumber Batch = new("B-2026-0042");

    /// <summary>Every (from, to) pair of batch states, written out by hand: 5 × 5 = 25 rows.</summary>
    public static TheoryData<BatchState, BatchState, bool> Table => new()
    {
        { Created, Created, false },
        { Created, Running, true },
        { Created, Held, false },
        { Created, Completed, false },
        { Created, Aborted, true },

        { Running, Created, false },
        { Running, Running, false },
        { Running, Held, true },
        { Running, Completed, true },
        { Running, Aborted, true },

        { Held, Created, false },
        { Held, Running, true },
        { Held, Held, false },
        { Held, Completed, false },
        { Held, Aborted, true },

        { Completed, Created, false },
        { Completed, Running, false },
        { Completed, Held, false },
        { Completed, Completed, false },
        { Completed, Aborted, false },

        { Aborted, Created, false },
        { Aborted, Running, false },
        { Aborted, Held, false },
        { Aborted, Completed, false },
        { Aborted, Aborted, false },
    };

    [Fact]
    public void TheTableCoversEveryPairOfStatesOnce()
    {
        var states = Enum.GetValues<BatchState>();
        var pairs = Table.Select(row => ((BatchState)row[0], (BatchState)row[1])).ToList();

        Assert.Equal(25, pairs.Count);
        Assert.Equal(states.Length * states.Length, pairs.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void AllowsExactlyTheChangesInTheTable(BatchState from, BatchState to, bool legal)
    {
        Assert.Equal(legal, BatchStateMachine.CanChange(from, to));
        Assert.Equal(legal, BatchStateMachine.NextStates(from).Contains(to));
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void EnsureCanChangeRefusesExactlyTheIllegalChanges(BatchState from, BatchState to, bool legal)
    {
        var ex = Record.Exception(() => BatchStateMachine.EnsureCanChange(from, to, Batch));

        if (legal)
            Assert.Null(ex);
        else
            Assert.IsType<DomainException>(ex);
    }

    [Theory]
    [InlineData(Running, Running, "Batch B-2026-0042 is already Running.")]
    [InlineData(Created, Completed, "Batch B-2026-0042 cannot go from Created to Completed. From Created it can go to: Running, Aborted.")]
    [InlineData(Held, Completed, "Batch B-2026-0042 cannot go from Held to Completed. From Held it can go to: Running, Aborted.")]
    [InlineData(Created, Held, "Batch B-2026-0042 cannot go from Created to Held. From Created it can go to: Running, Aborted.")]
    [InlineData(Completed, Running, "Batch B-2026-0042 is Completed: its state can no longer change.")]
    [InlineData(Aborted, Running, "Batch B-2026-0042 is Aborted: its state can no longer change.")]
    public void ExplainsAnIllegalChange(BatchState from, BatchState to, string expected)
    {
        var ex = Assert.Throws<DomainException>(() => BatchStateMachine.EnsureCanChange(from, to, Batch));

        Assert.Equal(expected, ex.Message);
    }
}
