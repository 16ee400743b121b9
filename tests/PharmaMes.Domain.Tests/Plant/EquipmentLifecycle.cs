using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Tests.Plant;

/// <summary>The hygiene and availability lifecycle of a unit: use, dirty, cleaning, maintenance, calibration, retirement.</summary>
public class EquipmentLifecycle
{
    private static readonly DateTimeOffset T0 = TestPlant.Commissioned;
    private static readonly CleaningRules Rules = new(TimeSpan.FromHours(72), TimeSpan.FromHours(24), productChangeNeedsMajorClean: true);

    /// <summary>Idle, calibrated for a year, major-cleaned at T0 + 10 min under <see cref="Rules"/>.</summary>
    private static Equipment Clean()
    {
        var equipment = TestPlant.InState(EquipmentState.Idle);
        equipment.SetCleaningRules(Rules);
        equipment.RecordCalibration(new DateOnly(2026, 11, 1), new DateOnly(2027, 11, 1));
        equipment.AcceptCleaning(CleaningMethod.Major, T0.AddMinutes(10), T0.AddMinutes(10));
        return equipment;
    }

    [Fact]
    public void ANewUnitIsDirtyAndNeedsAMajorCleaningFirst()
    {
        var equipment = TestPlant.NewEquipment();

        Assert.Equal(EquipmentStatus.Dirty, equipment.Status);
        Assert.Equal("GRAN-01 has never been cleaned: its first cleaning must be a major one.",
            equipment.CleaningMethodShortfall(CleaningMethod.Minor, T0));
        Assert.Null(equipment.CleaningMethodShortfall(CleaningMethod.CleanInPlace, T0));
    }

    [Fact]
    public void ABatchStepTakesTheUnitAndLeavesItDirtyWithItsProductAndBatch()
    {
        var equipment = Clean();

        equipment.StartUse("B-2026-0005", "FG-PARA-500", T0.AddHours(1));
        Assert.Equal(EquipmentStatus.InUse, equipment.Status);
        equipment.EndUse(T0.AddHours(3));

        Assert.Equal(EquipmentStatus.Dirty, equipment.Status);
        Assert.Equal(T0.AddHours(3), equipment.DirtySince);
        Assert.Equal("B-2026-0005", equipment.LastBatchNumber);
        Assert.Equal("FG-PARA-500", equipment.LastProductCode);
        Assert.Equal(CleaningStatus.Dirty, equipment.CleaningStatusAt(T0.AddHours(3)));
    }

    [Fact]
    public void ADirtyUnitTellsTheOperatorWhatToDo()
    {
        var equipment = Clean();
        equipment.StartUse("B-2026-0005", "FG-PARA-500", T0.AddHours(1));
        equipment.EndUse(new DateTimeOffset(2026, 11, 25, 14, 2, 0, TimeSpan.Zero));

        var reason = Assert.Single(equipment.ReasonsNotUsable(T0.AddHours(5), "B-2026-0006", "FG-PARA-500"));

        Assert.Equal("Dirty since 2026-11-25 14:02 UTC after B-2026-0005 — cleaning needed", reason);
    }

    [Fact]
    public void TheBatchThatDirtiedTheUnitMayGoOnUsingIt()
    {
        var equipment = Clean();
        equipment.StartUse("B-2026-0005", "FG-PARA-500", T0.AddHours(1));
        equipment.EndUse(T0.AddHours(2));

        equipment.StartUse("B-2026-0005", "FG-PARA-500", T0.AddHours(3));

        Assert.Equal(EquipmentStatus.InUse, equipment.Status);
    }

    [Fact]
    public void AnotherBatchIsRefusedADirtyUnit()
    {
        var equipment = Clean();
        equipment.StartUse("B-2026-0005", "FG-PARA-500", T0.AddHours(1));
        equipment.EndUse(T0.AddHours(2));

        var ex = Assert.Throws<DomainException>(() => equipment.StartUse("B-2026-0006", "FG-PARA-500", T0.AddHours(3)));

        Assert.StartsWith("GRAN-01 cannot be used now: Dirty since", ex.Message);
        Assert.Equal(EquipmentStatus.Dirty, equipment.Status);
    }

    [Fact]
    public void AVerifiedCleaningMakesItCleanForItsHoldTime()
    {
        var equipment = Clean();
        equipment.StartUse("B-1", "FG-A", T0.AddHours(1));
        equipment.EndUse(T0.AddHours(2));

        equipment.BeginCleaning(T0.AddHours(3));
        Assert.Equal(EquipmentStatus.Cleaning, equipment.Status);
        Assert.Equal("it is being cleaned — the cleaning needs a second person's verification",
            Assert.Single(equipment.ReasonsNotUsable(T0.AddHours(3))));
        equipment.AcceptCleaning(CleaningMethod.Minor, T0.AddHours(4), T0.AddHours(5));

        Assert.Equal(EquipmentStatus.Clean, equipment.Status);
        Assert.Equal(T0.AddHours(4) + Rules.CleanHoldTime, equipment.CleanUntil);
        Assert.Equal(CleaningMethod.Minor, equipment.LastCleaningMethod);
        Assert.Empty(equipment.ReasonsNotUsable(T0.AddHours(6), "B-2", "FG-A"));
    }

    [Fact]
    public void DirtyPastItsDirtyHoldTimeNeedsAMajorCleaning()
    {
        var equipment = Clean();
        equipment.StartUse("B-1", "FG-A", T0.AddHours(1));
        equipment.EndUse(T0.AddHours(2));
        var late = T0.AddHours(2) + Rules.DirtyHoldTime + TimeSpan.FromMinutes(1);

        var ex = Assert.Throws<DomainException>(() => equipment.AcceptCleaning(CleaningMethod.Minor, late, late));

        Assert.Equal("GRAN-01 stood dirty longer than its dirty hold time (24 h): a major cleaning is needed.", ex.Message);
        Assert.Equal(EquipmentStatus.Dirty, equipment.Status);
        Assert.EndsWith("major cleaning needed (dirty hold time passed)", Assert.Single(equipment.ReasonsNotUsable(late)));
        equipment.AcceptCleaning(CleaningMethod.Major, late, late);
        Assert.Equal(EquipmentStatus.Clean, equipment.Status);
    }

    [Fact]
    public void AProductChangeAfterAMinorCleaningNeedsAMajorOne()
    {
        var equipment = Clean();
        equipment.StartUse("B-1", "FG-A", T0.AddHours(1));
        equipment.EndUse(T0.AddHours(2));
        equipment.AcceptCleaning(CleaningMethod.Minor, T0.AddHours(3), T0.AddHours(3));

        Assert.Empty(equipment.ReasonsNotUsable(T0.AddHours(4), "B-2", "FG-A"));
        Assert.Equal("it had only a minor cleaning after FG-A — a product change needs a major cleaning",
            Assert.Single(equipment.ReasonsNotUsable(T0.AddHours(4), "B-3", "FG-B")));
    }

    [Fact]
    public void ACleanUnitPastItsHoldTimeShowsDirty()
    {
        var equipment = Clean();
        var after = T0.AddMinutes(10) + Rules.CleanHoldTime + TimeSpan.FromMinutes(1);

        Assert.Equal(EquipmentStatus.Clean, equipment.StatusAt(T0.AddHours(1)));
        Assert.Equal(EquipmentStatus.Dirty, equipment.StatusAt(after));
    }

    [Fact]
    public void AnAbandonedCleaningLeavesItDirty()
    {
        var equipment = Clean();
        equipment.StartUse("B-1", "FG-A", T0.AddHours(1));
        equipment.EndUse(T0.AddHours(2));
        equipment.BeginCleaning(T0.AddHours(3));

        equipment.AbandonCleaning(T0.AddHours(4));

        Assert.Equal(EquipmentStatus.Dirty, equipment.Status);
        Assert.Equal(T0.AddHours(2), equipment.DirtySince);
    }

    [Fact]
    public void MaintenanceReturnsTheUnitDirty()
    {
        var equipment = Clean();

        equipment.StartMaintenance(T0.AddHours(1));
        Assert.Equal(EquipmentStatus.Maintenance, equipment.Status);
        Assert.Contains("it is under maintenance — release it from its work order, then clean it", equipment.ReasonsNotUsable(T0.AddHours(1)));
        equipment.ReleaseFromMaintenance(T0.AddHours(2));

        Assert.Equal(EquipmentStatus.Dirty, equipment.Status);
        Assert.Null(equipment.CleanUntil);
    }

    [Fact]
    public void AFailedCalibrationBlocksTheUnitUntilOnePasses()
    {
        var equipment = Clean();

        equipment.RecordFailedCalibration(new DateOnly(2026, 11, 26));

        Assert.Equal(EquipmentStatus.CalibrationDue, equipment.StatusAt(T0.AddDays(1)));
        Assert.Equal("its calibration on 2026-11-26 failed — it must pass a calibration first",
            Assert.Single(equipment.ReasonsNotUsable(T0.AddDays(1))));
        Assert.Equal(new DateOnly(2026, 11, 1), equipment.LastCalibratedOn);

        equipment.RecordCalibration(new DateOnly(2026, 11, 27), new DateOnly(2027, 5, 27));

        Assert.Empty(equipment.ReasonsNotUsable(T0.AddDays(2)));
        Assert.Equal(new DateOnly(2026, 11, 27), equipment.LastCalibratedOn);
    }

    [Fact]
    public void ALapsedCalibrationShowsAsCalibrationDue()
    {
        var equipment = Clean();

        Assert.Equal(EquipmentStatus.CalibrationDue, equipment.StatusAt(new DateTimeOffset(2027, 11, 2, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void ARetiredUnitIsNeverUsableAgain()
    {
        var equipment = Clean();

        equipment.Retire("Replaced by GRAN-02", T0.AddDays(1), "Ada Admin");

        Assert.True(equipment.IsRetired);
        Assert.Equal(T0.AddDays(1), equipment.RetiredAt);
        Assert.Equal("Ada Admin", equipment.RetiredBy);
        Assert.Equal("it is retired (Replaced by GRAN-02)", Assert.Single(equipment.ReasonsNotUsable(T0.AddDays(2))));
        Assert.Throws<DomainException>(() => equipment.AcceptCleaning(CleaningMethod.Major, T0.AddDays(2), T0.AddDays(2)));
    }

    [Fact]
    public void RetiringNeedsAReason()
    {
        var equipment = Clean();

        var ex = Assert.Throws<DomainException>(() => equipment.Retire("  ", T0.AddDays(1), "Ada Admin"));

        Assert.Equal("A reason for retiring is required.", ex.Message);
        Assert.False(equipment.IsRetired);
    }

    [Fact]
    public void AUnitInUseCannotBeRetired()
    {
        var equipment = Clean();
        equipment.StartUse("B-1", "FG-A", T0.AddHours(1));

        Assert.Throws<DomainException>(() => equipment.Retire("Scrapped", T0.AddHours(2), "Ada Admin"));
        Assert.Equal(EquipmentStatus.InUse, equipment.Status);
    }

    [Theory]
    [InlineData(0, 24)]
    [InlineData(72, 0)]
    [InlineData(-1, 24)]
    [InlineData(72, 24 * 366)]
    public void RefusesCleaningRulesOutsideTheirBounds(int cleanHours, int dirtyHours)
    {
        Assert.Throws<DomainException>(() => new CleaningRules(TimeSpan.FromHours(cleanHours), TimeSpan.FromHours(dirtyHours), true));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1096)]
    public void RefusesACalibrationIntervalOutsideOneDayToThreeYears(int days)
    {
        var equipment = TestPlant.NewEquipment();

        var ex = Assert.Throws<DomainException>(() => equipment.SetCalibrationInterval(days));

        Assert.Equal($"The calibration interval of GRAN-01 must be between 1 and 1095 days (got {days}).", ex.Message);
        Assert.Equal(Equipment.DefaultCalibrationIntervalDays, equipment.CalibrationIntervalDays);
    }

    [Fact]
    public void AShorterCleanHoldTimeShortensTheCurrentClean()
    {
        var equipment = Clean();

        equipment.SetCleaningRules(new CleaningRules(TimeSpan.FromHours(12), TimeSpan.FromHours(24), true));

        Assert.Equal(T0.AddMinutes(10).AddHours(12), equipment.CleanUntil);
    }
}
