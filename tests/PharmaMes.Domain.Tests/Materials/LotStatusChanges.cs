using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using static PharmaMes.Domain.Materials.LotStatus;

namespace PharmaMes.Domain.Tests.Materials;

public class LotStatusChanges
{
    private static readonly LotNumber Lot = new("L-2026-001");

    /// <summary>
    /// Every (from, to) pair of lot statuses and whether the change is legal, written out by hand:
    /// 4 × 4 = 16 rows. Any change to the state machine must change this table too.
    /// </summary>
    public static TheoryData<LotStatus, LotStatus, bool> Table => new()
    {
        { Quarantine, Quarantine, false },
        { Quarantine, Released, true },
        { Quarantine, Rejected, true },
        { Quarantine, Expired, true },

        { Released, Quarantine, true },
        { Released, Released, false },
        { Released, Rejected, true },
        { Released, Expired, true },

        { Rejected, Quarantine, false },
        { Rejected, Released, false },
        { Rejected, Rejected, false },
        { Rejected, Expired, false },

        { Expired, Quarantine, false },
        { Expired, Released, false },
        { Expired, Rejected, false },
        { Expired, Expired, false },
    };

    [Fact]
    public void TheTableCoversEveryPairOfStatusesOnce()
    {
        var statuses = Enum.GetValues<LotStatus>();
        var pairs = Table.Select(row => ((LotStatus)row[0], (LotStatus)row[1])).ToList();

        Assert.Equal(16, pairs.Count);
        Assert.Equal(statuses.Length * statuses.Length, pairs.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void AllowsExactlyTheChangesInTheTable(LotStatus from, LotStatus to, bool legal)
    {
        Assert.Equal(legal, LotStatusMachine.CanChange(from, to));
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void EnsureCanChangeRefusesExactlyTheIllegalChanges(LotStatus from, LotStatus to, bool legal)
    {
        var ex = Record.Exception(() => LotStatusMachine.EnsureCanChange(from, to, Lot));

        if (legal)
            Assert.Null(ex);
        else
            Assert.IsType<DomainException>(ex);
    }

    [Theory]
    [InlineData(Quarantine)]
    [InlineData(Released)]
    [InlineData(Rejected)]
    [InlineData(Expired)]
    public void RefusesAChangeToTheSameStatusSayingTheLotIsAlreadyThere(LotStatus status)
    {
        var ex = Assert.Throws<DomainException>(() => LotStatusMachine.EnsureCanChange(status, status, Lot));

        Assert.Equal($"Lot L-2026-001 is already {status}.", ex.Message);
    }

    [Theory]
    [InlineData(Rejected, Quarantine)]
    [InlineData(Rejected, Released)]
    [InlineData(Rejected, Expired)]
    [InlineData(Expired, Quarantine)]
    [InlineData(Expired, Released)]
    [InlineData(Expired, Rejected)]
    public void RefusesAnyChangeOfAFinalStatus(LotStatus from, LotStatus to)
    {
        var ex = Assert.Throws<DomainException>(() => LotStatusMachine.EnsureCanChange(from, to, Lot));

        Assert.Equal($"Lot L-2026-001 is {from}: its status can no longer change.", ex.Message);
    }
}
