using PharmaMes.Domain.Common;
using PharmaMes.Domain.Quality;
using static PharmaMes.Domain.Quality.QualityExceptionStatus;

namespace PharmaMes.Domain.Tests.Quality;

public class QualityExceptionStatusChanges
{
    private static readonly QualityExceptionNumber Number = new("QE-2026-0007");

    /// <summary>Every (from, to) pair of quality exception statuses, written out by hand: 3 × 3 = 9 rows.</summary>
    public static TheoryData<QualityExceptionStatus, QualityExceptionStatus, bool> Table => new()
    {
        { Open, Open, false },
        { Open, UnderInvestigation, true },
        { Open, Closed, true },

        { UnderInvestigation, Open, false },
        { UnderInvestigation, UnderInvestigation, false },
        { UnderInvestigation, Closed, true },

        { Closed, Open, false },
        { Closed, UnderInvestigation, false },
        { Closed, Closed, false },
    };

    [Fact]
    public void TheTableCoversEveryPairOfStatusesOnce()
    {
        var statuses = Enum.GetValues<QualityExceptionStatus>();
        var pairs = Table.Select(row => ((QualityExceptionStatus)row[0], (QualityExceptionStatus)row[1])).ToList();

        Assert.Equal(9, pairs.Count);
        Assert.Equal(statuses.Length * statuses.Length, pairs.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void AllowsExactlyTheChangesInTheTable(QualityExceptionStatus from, QualityExceptionStatus to, bool legal)
    {
        Assert.Equal(legal, QualityExceptionStatusMachine.CanChange(from, to));
        Assert.Equal(legal, QualityExceptionStatusMachine.NextStatuses(from).Contains(to));
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void EnsureCanChangeRefusesExactlyTheIllegalChanges(QualityExceptionStatus from, QualityExceptionStatus to, bool legal)
    {
        var ex = Record.Exception(() => QualityExceptionStatusMachine.EnsureCanChange(from, to, Number));

        if (legal)
            Assert.Null(ex);
        else
            Assert.IsType<DomainException>(ex);
    }

    [Theory]
    [InlineData(Open, Open, "Quality exception QE-2026-0007 is already Open.")]
    [InlineData(UnderInvestigation, Open, "Quality exception QE-2026-0007 cannot go from UnderInvestigation to Open. From UnderInvestigation it can go to: Closed.")]
    [InlineData(Closed, Open, "Quality exception QE-2026-0007 is Closed: its status can no longer change.")]
    public void ExplainsAnIllegalChange(QualityExceptionStatus from, QualityExceptionStatus to, string expected)
    {
        var ex = Assert.Throws<DomainException>(() => QualityExceptionStatusMachine.EnsureCanChange(from, to, Number));

        Assert.Equal(expected, ex.Message);
    }
}
