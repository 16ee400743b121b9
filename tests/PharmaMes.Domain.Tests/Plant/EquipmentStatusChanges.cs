using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using static PharmaMes.Domain.Plant.EquipmentStatus;

namespace PharmaMes.Domain.Tests.Plant;

public class EquipmentStatusChanges
{
    /// <summary>
    /// Every (from, to) pair of the equipment status lifecycle and whether the change is legal, written
    /// out by hand: 7 × 7 = 49 rows. Any change to the lifecycle must change this table too.
    /// </summary>
    public static TheoryData<EquipmentStatus, EquipmentStatus, bool> Table => new()
    {
        { Clean, Clean, false }, { Clean, InUse, true }, { Clean, Dirty, true }, { Clean, Cleaning, true },
        { Clean, Maintenance, true }, { Clean, CalibrationDue, false }, { Clean, Retired, true },

        { InUse, Clean, false }, { InUse, InUse, false }, { InUse, Dirty, true }, { InUse, Cleaning, false },
        { InUse, Maintenance, false }, { InUse, CalibrationDue, false }, { InUse, Retired, false },

        { Dirty, Clean, false }, { Dirty, InUse, true }, { Dirty, Dirty, false }, { Dirty, Cleaning, true },
        { Dirty, Maintenance, true }, { Dirty, CalibrationDue, false }, { Dirty, Retired, true },

        { Cleaning, Clean, true }, { Cleaning, InUse, false }, { Cleaning, Dirty, true }, { Cleaning, Cleaning, false },
        { Cleaning, Maintenance, false }, { Cleaning, CalibrationDue, false }, { Cleaning, Retired, false },

        { Maintenance, Clean, false }, { Maintenance, InUse, false }, { Maintenance, Dirty, true }, { Maintenance, Cleaning, false },
        { Maintenance, Maintenance, false }, { Maintenance, CalibrationDue, false }, { Maintenance, Retired, true },

        // Never stored: shown over Clean and Dirty when a calibration lapsed or failed.
        { CalibrationDue, Clean, false }, { CalibrationDue, InUse, false }, { CalibrationDue, Dirty, false }, { CalibrationDue, Cleaning, false },
        { CalibrationDue, Maintenance, false }, { CalibrationDue, CalibrationDue, false }, { CalibrationDue, Retired, false },

        { Retired, Clean, false }, { Retired, InUse, false }, { Retired, Dirty, false }, { Retired, Cleaning, false },
        { Retired, Maintenance, false }, { Retired, CalibrationDue, false }, { Retired, Retired, false },
    };

    [Fact]
    public void TheTableCoversEveryPair()
    {
        var statuses = Enum.GetValues<EquipmentStatus>();
        Assert.Equal(statuses.Length * statuses.Length, Table.Count);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void TheLifecycleAllowsExactlyTheTable(EquipmentStatus from, EquipmentStatus to, bool legal)
    {
        Assert.Equal(legal, EquipmentStatusMachine.CanChange(from, to));
        var ex = Record.Exception(() => EquipmentStatusMachine.EnsureCanChange(from, to, new PlantCode("GRAN-01")));
        if (legal)
            Assert.Null(ex);
        else
            Assert.IsType<DomainException>(ex);
    }

    [Fact]
    public void ARefusalSaysWhereTheUnitCanGo()
    {
        var ex = Assert.Throws<DomainException>(() => EquipmentStatusMachine.EnsureCanChange(InUse, Clean, new PlantCode("GRAN-01")));

        Assert.Equal("GRAN-01 cannot go from InUse to Clean. From InUse it can go to: Dirty.", ex.Message);
    }

    [Fact]
    public void ARetiredUnitNeverChangesAgain()
    {
        var ex = Assert.Throws<DomainException>(() => EquipmentStatusMachine.EnsureCanChange(Retired, Dirty, new PlantCode("GRAN-01")));

        Assert.Equal("GRAN-01 is Retired: its status can no longer change.", ex.Message);
    }
}
