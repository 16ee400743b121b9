using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using static PharmaMes.Domain.Plant.EquipmentState;

namespace PharmaMes.Domain.Tests.Plant;

public class EquipmentRules
{
    private static readonly DateTimeOffset T0 = TestPlant.Commissioned;
    /// <summary>Later than any state set by <see cref="TestPlant.InState"/>.</summary>
    private static readonly DateTimeOffset Later = T0.AddHours(1);
    private static readonly TimeSpan HoldTime = TimeSpan.FromHours(24);
    private static readonly DateOnly CalibratedOn = new(2026, 11, 25);
    private static readonly DateOnly CalibrationDue = new(2027, 5, 25);

    private static readonly UnitOfMeasure Celsius = new("°C");
    private static readonly TagName Temperature = new("temperature");

    /// <summary>Idle, cleaned at <see cref="T0"/> for 24 h, calibrated until <see cref="CalibrationDue"/>.</summary>
    private static Equipment FitEquipment()
    {
        var equipment = TestPlant.InState(Idle);
        equipment.MarkCleaned(T0, HoldTime);
        equipment.RecordCalibration(CalibratedOn, CalibrationDue);
        return equipment;
    }

    // ----- A new equipment -----

    [Fact]
    public void StartsOfflineSinceItWasAdded()
    {
        var equipment = TestPlant.NewEquipment();

        Assert.Equal(Offline, equipment.State);
        Assert.Equal(T0, equipment.StateSince);
        Assert.Null(equipment.StateReason);
        Assert.Equal(new PlantCode("GRAN-01"), equipment.Code);
        Assert.Equal(EquipmentClass.HighShearGranulator, equipment.Class);
    }

    [Fact]
    public void StartsDirtyAndWithoutCalibration()
    {
        var equipment = TestPlant.NewEquipment();

        Assert.Equal(CleaningStatus.Dirty, equipment.CleaningStatusAt(T0));
        Assert.Null(equipment.LastCleanedAt);
        Assert.Null(equipment.CleanUntil);
        Assert.Null(equipment.CalibrationDueOn);
        Assert.False(equipment.IsCalibratedOn(CalibratedOn));
    }

    // ----- State changes -----

    [Fact]
    public void ChangesStateAlongALegalPath()
    {
        var equipment = TestPlant.NewEquipment();

        equipment.ChangeState(Idle, T0.AddMinutes(5));
        equipment.ChangeState(Running, T0.AddMinutes(10));

        Assert.Equal(Running, equipment.State);
        Assert.Equal(T0.AddMinutes(10), equipment.StateSince);
    }

    [Theory]
    [MemberData(nameof(EquipmentStateChanges.Table), MemberType = typeof(EquipmentStateChanges))]
    public void ChangesStateExactlyWhenTheStateMachineAllowsIt(EquipmentState from, EquipmentState to, bool legal)
    {
        var equipment = TestPlant.InState(from);
        var since = equipment.StateSince;

        var ex = Record.Exception(() => equipment.ChangeState(to, Later, "Operator request"));

        if (legal)
        {
            Assert.Null(ex);
            Assert.Equal(to, equipment.State);
            Assert.Equal(Later, equipment.StateSince);
        }
        else
        {
            Assert.IsType<DomainException>(ex);
            Assert.Equal(from, equipment.State);
            Assert.Equal(since, equipment.StateSince);
        }
    }

    [Fact]
    public void RefusesAnIllegalChangeAndKeepsItsState()
    {
        var equipment = TestPlant.NewEquipment();

        var ex = Assert.Throws<DomainException>(() => equipment.ChangeState(Running, Later));

        Assert.Equal("Equipment cannot go from Offline to Running. From Offline it can go to: Idle, Down, Maintenance.", ex.Message);
        Assert.Equal(Offline, equipment.State);
        Assert.Equal(T0, equipment.StateSince);
    }

    [Fact]
    public void RefusesAChangeToTheStateItIsIn()
    {
        var equipment = TestPlant.InState(Idle);

        var ex = Assert.Throws<DomainException>(() => equipment.ChangeState(Idle, Later));

        Assert.Equal("The equipment is already Idle.", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesDownWithoutAReason(string? reason)
    {
        var equipment = TestPlant.InState(Running);

        var ex = Assert.Throws<DomainException>(() => equipment.ChangeState(Down, Later, reason));

        Assert.Equal("A reason is required when GRAN-01 goes Down.", ex.Message);
        Assert.Equal(Running, equipment.State);
    }

    [Fact]
    public void RecordsTheReasonForGoingDown()
    {
        var equipment = TestPlant.InState(Running);

        equipment.ChangeState(Down, Later, "  Impeller motor overload ");

        Assert.Equal(Down, equipment.State);
        Assert.Equal("Impeller motor overload", equipment.StateReason);
    }

    [Fact]
    public void ClearsTheReasonWithTheNextChange()
    {
        var equipment = TestPlant.InState(Down);

        equipment.ChangeState(Idle, Later);

        Assert.Null(equipment.StateReason);
    }

    [Fact]
    public void AcceptsAReasonForOtherStates()
    {
        var equipment = TestPlant.InState(Running);

        equipment.ChangeState(Held, Later, "Waiting for QA sample");

        Assert.Equal("Waiting for QA sample", equipment.StateReason);
    }

    [Fact]
    public void RefusesAReasonOverTwoHundredCharactersWithoutChangingAnything()
    {
        var equipment = TestPlant.InState(Idle);
        equipment.MarkCleaned(T0.AddMinutes(2), HoldTime);
        equipment.ChangeState(Running, T0.AddMinutes(5));

        var ex = Assert.Throws<DomainException>(() => equipment.ChangeState(Held, Later, new string('x', 201)));

        Assert.Equal("A state reason must be at most 200 characters (got 201).", ex.Message);
        Assert.Equal(Running, equipment.State);
        Assert.Equal(T0.AddMinutes(5), equipment.StateSince);
        Assert.Equal(CleaningStatus.Clean, equipment.CleaningStatusAt(Later));
    }

    [Fact]
    public void AcceptsAReasonOfTwoHundredCharacters()
    {
        var equipment = TestPlant.InState(Running);

        equipment.ChangeState(Down, Later, new string('x', 200));

        Assert.Equal(200, equipment.StateReason!.Length);
    }

    [Fact]
    public void RefusesAChangeOlderThanTheCurrentState()
    {
        var equipment = TestPlant.NewEquipment();

        var ex = Assert.Throws<DomainException>(() => equipment.ChangeState(Idle, T0.AddMinutes(-1)));

        Assert.Equal(
            "A state change of GRAN-01 at 2026-11-25 09:59:00Z is older than its current state, set at 2026-11-25 10:00:00Z.",
            ex.Message);
        Assert.Equal(Offline, equipment.State);
    }

    [Fact]
    public void ComparesTimesAsInstantsWhateverTheirOffset()
    {
        var equipment = TestPlant.NewEquipment();
        // 10:30 at UTC+1 is 09:30 UTC, before the equipment was added at 10:00 UTC.
        var earlierInAnotherZone = new DateTimeOffset(2026, 11, 25, 10, 30, 0, TimeSpan.FromHours(1));

        Assert.Throws<DomainException>(() => equipment.ChangeState(Idle, earlierInAnotherZone));
        Assert.Equal(Offline, equipment.State);
    }

    [Fact]
    public void AcceptsAChangeAtTheSameInstantAsTheCurrentState()
    {
        var equipment = TestPlant.NewEquipment();

        equipment.ChangeState(Idle, T0);

        Assert.Equal(Idle, equipment.State);
        Assert.Equal(T0, equipment.StateSince);
    }

    // ----- Cleaning -----

    [Theory]
    [InlineData(Idle)]
    [InlineData(Held)]
    [InlineData(Down)]
    [InlineData(Offline)]
    public void TheDevicesOwnRunningDoesNotMakeItDirty(EquipmentState next)
    {
        // Product contact is known from the batch step that used the unit, not from the device's state.
        var equipment = TestPlant.InState(Idle);
        equipment.MarkCleaned(T0.AddMinutes(2), HoldTime);
        equipment.ChangeState(Running, T0.AddMinutes(5));

        equipment.ChangeState(next, Later, "Reason");

        Assert.Equal(CleaningStatus.Clean, equipment.CleaningStatusAt(Later));
        Assert.Equal(EquipmentStatus.Clean, equipment.Status);
    }

    [Fact]
    public void StaysCleanWhileRunning()
    {
        var equipment = TestPlant.InState(Idle);
        equipment.MarkCleaned(T0.AddMinutes(2), HoldTime);

        equipment.ChangeState(Running, T0.AddMinutes(5));

        Assert.Equal(CleaningStatus.Clean, equipment.CleaningStatusAt(Later));
    }

    [Fact]
    public void ChangesThatDoNotLeaveRunningKeepItClean()
    {
        var equipment = TestPlant.InState(Idle);
        equipment.MarkCleaned(T0.AddMinutes(2), HoldTime);

        equipment.ChangeState(Cleaning, T0.AddMinutes(5));
        equipment.ChangeState(Idle, T0.AddMinutes(10));

        Assert.Equal(CleaningStatus.Clean, equipment.CleaningStatusAt(Later));
    }

    [Fact]
    public void MarkCleanedRecordsTheCleanAndItsHoldTime()
    {
        var equipment = TestPlant.InState(Cleaning);

        equipment.MarkCleaned(Later, HoldTime);

        Assert.Equal(Later, equipment.LastCleanedAt);
        Assert.Equal(Later + HoldTime, equipment.CleanUntil);
    }

    [Fact]
    public void IsCleanThroughTheEndOfTheHoldTimeAndCleanExpiredAfter()
    {
        var equipment = TestPlant.InState(Idle);
        equipment.MarkCleaned(Later, HoldTime);

        Assert.Equal(CleaningStatus.Clean, equipment.CleaningStatusAt(Later));
        Assert.Equal(CleaningStatus.Clean, equipment.CleaningStatusAt(Later + HoldTime));
        Assert.Equal(CleaningStatus.CleanExpired, equipment.CleaningStatusAt(Later + HoldTime + TimeSpan.FromTicks(1)));
        Assert.Equal(CleaningStatus.CleanExpired, equipment.CleaningStatusAt(Later.AddDays(30)));
    }

    [Fact]
    public void MarkDirtyEndsTheClean()
    {
        var equipment = TestPlant.InState(Idle);
        equipment.MarkCleaned(Later, HoldTime);

        equipment.MarkDirty(Later);

        Assert.Equal(CleaningStatus.Dirty, equipment.CleaningStatusAt(Later));
        Assert.Null(equipment.CleanUntil);
    }

    [Fact]
    public void CleaningAgainStartsANewHoldTime()
    {
        var equipment = TestPlant.InState(Idle);
        equipment.MarkCleaned(Later, HoldTime);

        equipment.MarkCleaned(Later.AddDays(2), HoldTime);

        Assert.Equal(CleaningStatus.Clean, equipment.CleaningStatusAt(Later.AddDays(2).AddHours(12)));
    }

    [Fact]
    public void RefusesToMarkCleanedWhileRunning()
    {
        var equipment = TestPlant.InState(Running);

        var ex = Assert.Throws<DomainException>(() => equipment.MarkCleaned(Later, HoldTime));

        Assert.Equal("GRAN-01 is Running: it cannot be recorded as cleaned while in use.", ex.Message);
        Assert.Null(equipment.LastCleanedAt);
        Assert.Equal(CleaningStatus.Dirty, equipment.CleaningStatusAt(Later));
    }

    [Theory]
    [InlineData(Offline)]
    [InlineData(Idle)]
    [InlineData(Held)]
    [InlineData(Down)]
    [InlineData(Maintenance)]
    [InlineData(Cleaning)]
    public void MayBeMarkedCleanedInAnyStateButRunning(EquipmentState state)
    {
        var equipment = TestPlant.InState(state);

        equipment.MarkCleaned(Later, HoldTime);

        Assert.Equal(CleaningStatus.Clean, equipment.CleaningStatusAt(Later));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-1440)]
    public void RefusesANonPositiveCleanHoldTime(int minutes)
    {
        var equipment = TestPlant.InState(Idle);

        var ex = Assert.Throws<DomainException>(() => equipment.MarkCleaned(Later, TimeSpan.FromMinutes(minutes)));

        Assert.Equal("The clean hold time must be positive.", ex.Message);
        Assert.Null(equipment.CleanUntil);
    }

    // ----- Calibration -----

    [Fact]
    public void RecordsTheNextCalibrationDueDate()
    {
        var equipment = TestPlant.NewEquipment();

        equipment.RecordCalibration(CalibratedOn, CalibrationDue);

        Assert.Equal(CalibrationDue, equipment.CalibrationDueOn);
    }

    [Fact]
    public void AcceptsANextCalibrationDueTheDayAfter()
    {
        var equipment = TestPlant.NewEquipment();

        equipment.RecordCalibration(CalibratedOn, CalibratedOn.AddDays(1));

        Assert.Equal(CalibratedOn.AddDays(1), equipment.CalibrationDueOn);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-365)]
    public void RefusesANextCalibrationNotAfterTheCalibration(int daysAfter)
    {
        var equipment = TestPlant.NewEquipment();
        equipment.RecordCalibration(CalibratedOn.AddDays(-180), CalibratedOn);

        var ex = Assert.Throws<DomainException>(() => equipment.RecordCalibration(CalibratedOn, CalibratedOn.AddDays(daysAfter)));

        Assert.Equal("The next calibration of GRAN-01 must be due after the calibration on 2026-11-25.", ex.Message);
        Assert.Equal(CalibratedOn, equipment.CalibrationDueOn);
    }

    [Theory]
    [InlineData("2026-11-25", true)]
    [InlineData("2027-05-24", true)]
    [InlineData("2027-05-25", true)]
    [InlineData("2027-05-26", false)]
    [InlineData("2028-01-01", false)]
    public void IsCalibratedThroughItsDueDate(string day, bool expected)
    {
        var equipment = TestPlant.NewEquipment();
        equipment.RecordCalibration(CalibratedOn, CalibrationDue);

        Assert.Equal(expected, equipment.IsCalibratedOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void IsNotCalibratedWithoutACalibrationOnRecord()
    {
        Assert.False(TestPlant.NewEquipment().IsCalibratedOn(CalibratedOn));
    }

    // ----- Fitness for use -----

    [Fact]
    public void HasNoReasonNotToBeUsedWhenIdleCleanAndCalibrated()
    {
        Assert.Empty(FitEquipment().ReasonsNotUsable(Later));
    }

    [Theory]
    [InlineData(Offline)]
    [InlineData(Running)]
    [InlineData(Down)]
    [InlineData(Maintenance)]
    [InlineData(Cleaning)]
    [InlineData(Held)]
    public void IsNotUsableInAStateOtherThanIdle(EquipmentState state)
    {
        var equipment = FitEquipment();
        switch (state)
        {
            case Offline: equipment.ChangeState(Offline, Later); break;
            case Running: equipment.ChangeState(Running, Later); break;
            case Down: equipment.ChangeState(Down, Later, "Motor overload"); break;
            case Maintenance: equipment.ChangeState(Maintenance, Later); break;
            case Cleaning: equipment.ChangeState(Cleaning, Later); break;
            case Held:
                equipment.ChangeState(Running, T0.AddMinutes(10));
                equipment.ChangeState(Held, T0.AddMinutes(20));
                equipment.MarkCleaned(T0.AddMinutes(30), HoldTime);
                break;
        }

        var reason = Assert.Single(equipment.ReasonsNotUsable(Later));

        Assert.Equal($"it is {state}", reason);
    }

    [Fact]
    public void IsNotUsableWhenDirty()
    {
        var equipment = FitEquipment();
        equipment.MarkDirty(Later);

        var reason = Assert.Single(equipment.ReasonsNotUsable(Later));

        Assert.Equal("Dirty since 2026-11-25 11:00 UTC — cleaning needed", reason);
    }

    [Fact]
    public void IsNotUsableWhenTheCleanHoldTimeHasEnded()
    {
        var equipment = FitEquipment();

        var reason = Assert.Single(equipment.ReasonsNotUsable(T0 + HoldTime + TimeSpan.FromMinutes(1)));

        Assert.Equal("its clean hold time ended 2026-11-26 10:00 UTC — cleaning needed", reason);
    }

    [Fact]
    public void ReportsTheEndOfTheCleanHoldTimeInUtc()
    {
        var equipment = FitEquipment();
        // 12:00 at UTC+2 is 10:00 UTC.
        equipment.MarkCleaned(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(2)), HoldTime);

        var reason = Assert.Single(equipment.ReasonsNotUsable(T0.AddDays(2)));

        Assert.Equal("its clean hold time ended 2026-11-26 10:00 UTC — cleaning needed", reason);
    }

    [Fact]
    public void IsNotUsableWithoutACalibrationOnRecord()
    {
        var equipment = TestPlant.InState(Idle);
        equipment.MarkCleaned(T0, HoldTime);

        var reason = Assert.Single(equipment.ReasonsNotUsable(Later));

        Assert.Equal("it has no calibration on record — calibration needed", reason);
    }

    [Fact]
    public void IsNotUsableAfterItsCalibrationDueDate()
    {
        var equipment = FitEquipment();
        var dayAfterDue = new DateTimeOffset(2027, 5, 26, 8, 0, 0, TimeSpan.Zero);
        equipment.MarkCleaned(dayAfterDue.AddHours(-1), HoldTime);

        var reason = Assert.Single(equipment.ReasonsNotUsable(dayAfterDue));

        Assert.Equal("its calibration was due 2027-05-25 — calibration needed", reason);
    }

    [Fact]
    public void IsUsableOnItsCalibrationDueDateByUtc()
    {
        var equipment = FitEquipment();
        // 00:30 on 26 May at UTC+2 is still 25 May in UTC, the due date.
        var lateOnDueDate = new DateTimeOffset(2027, 5, 26, 0, 30, 0, TimeSpan.FromHours(2));
        equipment.MarkCleaned(lateOnDueDate.AddHours(-1), HoldTime);

        Assert.Empty(equipment.ReasonsNotUsable(lateOnDueDate));
    }

    [Fact]
    public void ListsEveryReasonAtOnce()
    {
        var equipment = TestPlant.NewEquipment();

        Assert.Equal(
            ["it is Offline", "it has never been cleaned — major cleaning needed", "it has no calibration on record — calibration needed"],
            equipment.ReasonsNotUsable(Later));
    }

    // ----- Tags -----

    [Fact]
    public void DefinesATag()
    {
        var equipment = TestPlant.NewEquipment();

        var tag = equipment.DefineTag(Temperature, "Product temperature", Celsius, new ValueRange(20, 25), new ValueRange(15, 30));

        Assert.Equal(equipment.Id, tag.EquipmentId);
        Assert.Equal(Temperature, tag.Name);
        Assert.Equal("Product temperature", tag.Description);
        Assert.Equal(Celsius, tag.Unit);
        Assert.Equal(new ValueRange(20, 25), tag.NormalRange);
        Assert.Equal(new ValueRange(15, 30), tag.AlarmLimits);
        Assert.Same(tag, Assert.Single(equipment.Tags));
    }

    [Fact]
    public void FindsADefinedTagByName()
    {
        var equipment = TestPlant.NewEquipment();
        var tag = equipment.DefineTag(Temperature, "Product temperature", Celsius, new ValueRange(20, 25), new ValueRange(15, 30));

        Assert.Same(tag, equipment.FindTag(new TagName("temperature")));
        Assert.Null(equipment.FindTag(new TagName("ph")));
    }

    [Fact]
    public void RefusesASecondTagWithTheSameName()
    {
        var equipment = TestPlant.NewEquipment();
        equipment.DefineTag(Temperature, "Product temperature", Celsius, new ValueRange(20, 25), new ValueRange(15, 30));

        var ex = Assert.Throws<DomainException>(() =>
            equipment.DefineTag(new TagName("temperature"), "Jacket temperature", Celsius, new ValueRange(40, 60), new ValueRange(30, 70)));

        Assert.Equal("Equipment GRAN-01 already has a tag named 'temperature'.", ex.Message);
        Assert.Single(equipment.Tags);
    }

    [Fact]
    public void AllowsTheSameTagNameOnOtherEquipment()
    {
        var line = TestPlant.NewLine();
        var first = line.AddEquipment(new PlantCode("GRAN-01"), "Granulator 1", EquipmentClass.HighShearGranulator, T0);
        var second = line.AddEquipment(new PlantCode("GRAN-02"), "Granulator 2", EquipmentClass.HighShearGranulator, T0);

        first.DefineTag(Temperature, "Product temperature", Celsius, new ValueRange(20, 25), new ValueRange(15, 30));
        second.DefineTag(Temperature, "Product temperature", Celsius, new ValueRange(20, 25), new ValueRange(15, 30));

        Assert.Single(first.Tags);
        Assert.Single(second.Tags);
    }

    [Theory]
    [InlineData(20, 30, 25, 35)]
    [InlineData(20, 30, 15, 25)]
    [InlineData(20, 30, 22, 28)]
    [InlineData(20, 30, 31, 40)]
    public void RefusesAlarmLimitsThatDoNotEncloseTheNormalRange(double normalLow, double normalHigh, double alarmLow, double alarmHigh)
    {
        var equipment = TestPlant.NewEquipment();

        var ex = Assert.Throws<DomainException>(() => equipment.DefineTag(
            Temperature, "Product temperature", Celsius, new ValueRange(normalLow, normalHigh), new ValueRange(alarmLow, alarmHigh)));

        Assert.Equal(
            $"The alarm limits of tag 'temperature' ({alarmLow} – {alarmHigh} °C) must enclose its normal range ({normalLow} – {normalHigh} °C).",
            ex.Message);
        Assert.Empty(equipment.Tags);
    }

    [Fact]
    public void AcceptsAlarmLimitsEqualToTheNormalRange()
    {
        var equipment = TestPlant.NewEquipment();

        var tag = equipment.DefineTag(Temperature, "Product temperature", Celsius, new ValueRange(20, 25), new ValueRange(20, 25));

        Assert.Equal(tag.NormalRange, tag.AlarmLimits);
    }

    [Fact]
    public void RefusesATagWithoutADescription()
    {
        var equipment = TestPlant.NewEquipment();

        var ex = Assert.Throws<DomainException>(() =>
            equipment.DefineTag(Temperature, " ", Celsius, new ValueRange(20, 25), new ValueRange(15, 30)));

        Assert.Equal("A tag description is required.", ex.Message);
        Assert.Empty(equipment.Tags);
    }
}
