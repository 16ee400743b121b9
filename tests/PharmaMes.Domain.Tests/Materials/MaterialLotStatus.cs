using System.Globalization;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using static PharmaMes.Domain.Tests.Materials.TestMaterials;

namespace PharmaMes.Domain.Tests.Materials;

public class MaterialLotStatus
{
    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    // ----- Receiving -----

    [Fact]
    public void ReceiveStartsInQuarantine()
    {
        var material = Paracetamol();

        var lot = MaterialLot.Receive(new LotNumber("l-2026-001"), material, ExpiryDate, ReceivedAt, " SUP-778 ", " WH-A-01-03 ");

        Assert.Equal(LotStatus.Quarantine, lot.Status);
        Assert.Equal(new LotNumber("L-2026-001"), lot.Number);
        Assert.Equal(material.Id, lot.MaterialId);
        Assert.Equal(ExpiryDate, lot.ExpiryDate);
        Assert.Equal(ReceivedAt, lot.CreatedAt);
        Assert.Equal(ReceivedAt, lot.StatusChangedAt);
        Assert.Null(lot.StatusReason);
        Assert.Equal("SUP-778", lot.SupplierLot);
        Assert.Equal("WH-A-01-03", lot.Location);
    }

    [Fact]
    public void LeavesAnOptionalSupplierLotAndLocationEmpty()
    {
        var lot = MaterialLot.Receive(new LotNumber(LotNo), Paracetamol(), ExpiryDate, ReceivedAt, "  ", null);

        Assert.Null(lot.SupplierLot);
        Assert.Null(lot.Location);
    }

    [Fact]
    public void RefusesASupplierLotOverFortyCharacters()
    {
        var ex = Assert.Throws<DomainException>(() =>
            MaterialLot.Receive(new LotNumber(LotNo), Paracetamol(), ExpiryDate, ReceivedAt, new string('s', 41)));

        Assert.Equal("A supplier lot must be at most 40 characters (got 41).", ex.Message);
    }

    [Fact]
    public void RefusesReceivingALotWhoseExpiryDateHasPassed()
    {
        var ex = Assert.Throws<DomainException>(() =>
            MaterialLot.Receive(new LotNumber(LotNo), Paracetamol(), Day("2026-11-24"), ReceivedAt));

        Assert.Equal("Lot L-2026-001 cannot be received: its expiry date 2026-11-24 has passed.", ex.Message);
    }

    [Fact]
    public void AcceptsReceivingALotOnItsExpiryDate()
    {
        // Good through its expiry date, like every other rule of the lot.
        var lot = MaterialLot.Receive(new LotNumber(LotNo), Paracetamol(), Day("2026-11-25"), ReceivedAt);

        Assert.Equal(LotStatus.Quarantine, lot.Status);
    }

    [Fact]
    public void JudgesTheExpiryAtReceiptByTheUtcDate()
    {
        // 00:30 on 25 Nov at UTC+2 is still 24 Nov in UTC.
        var receivedAt = new DateTimeOffset(2026, 11, 25, 0, 30, 0, TimeSpan.FromHours(2));

        var lot = MaterialLot.Receive(new LotNumber(LotNo), Paracetamol(), Day("2026-11-24"), receivedAt);

        Assert.Equal(Day("2026-11-24"), lot.ExpiryDate);
    }

    // ----- Release -----

    [Fact]
    public void ReleasesALotInQuarantine()
    {
        var lot = ReceivedLot();

        lot.Release(ReleasedAt);

        Assert.Equal(LotStatus.Released, lot.Status);
        Assert.Equal(ReleasedAt, lot.StatusChangedAt);
        Assert.Null(lot.StatusReason);
    }

    [Fact]
    public void ReleasesALotOnItsExpiryDate()
    {
        var lot = ReceivedLot();

        lot.Release(OnExpiryDate);

        Assert.Equal(LotStatus.Released, lot.Status);
    }

    [Fact]
    public void RefusesToReleaseALotPastItsExpiryDate()
    {
        var lot = ReceivedLot();

        var ex = Assert.Throws<DomainException>(() => lot.Release(DayAfterExpiry));

        Assert.Equal("Lot L-2026-001 expired on 2027-11-30 and cannot be released.", ex.Message);
        Assert.Equal(LotStatus.Quarantine, lot.Status);
        Assert.Equal(ReceivedAt, lot.StatusChangedAt);
    }

    [Fact]
    public void RefusesToReleaseAReleasedLot()
    {
        var lot = ReleasedLot();

        var ex = Assert.Throws<DomainException>(() => lot.Release(ReleasedAt.AddDays(1)));

        Assert.Equal("Lot L-2026-001 is already Released.", ex.Message);
        Assert.Equal(ReleasedAt, lot.StatusChangedAt);
    }

    [Fact]
    public void ReleasesALotReturnedToQuarantineAgain()
    {
        var lot = ReleasedLot();
        lot.ReturnToQuarantine("Re-test", ReleasedAt.AddDays(10));

        lot.Release(ReleasedAt.AddDays(12));

        Assert.Equal(LotStatus.Released, lot.Status);
        Assert.Null(lot.StatusReason);
    }

    // ----- Reject -----

    [Fact]
    public void RejectsALotInQuarantineWithTheReason()
    {
        var lot = ReceivedLot();

        lot.Reject("  Assay out of specification ", ReleasedAt);

        Assert.Equal(LotStatus.Rejected, lot.Status);
        Assert.Equal("Assay out of specification", lot.StatusReason);
        Assert.Equal(ReleasedAt, lot.StatusChangedAt);
    }

    [Fact]
    public void RejectsAReleasedLot()
    {
        var lot = ReleasedLot();

        lot.Reject("Customer complaint", ReleasedAt.AddDays(30));

        Assert.Equal(LotStatus.Rejected, lot.Status);
        Assert.Equal("Customer complaint", lot.StatusReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesToRejectWithoutAReason(string? reason)
    {
        var lot = ReceivedLot();

        var ex = Assert.Throws<DomainException>(() => lot.Reject(reason!, ReleasedAt));

        Assert.Equal("A reason for rejecting a lot is required.", ex.Message);
        Assert.Equal(LotStatus.Quarantine, lot.Status);
    }

    [Fact]
    public void RefusesARejectionReasonOverFiveHundredCharacters()
    {
        var lot = ReceivedLot();

        var ex = Assert.Throws<DomainException>(() => lot.Reject(new string('r', 501), ReleasedAt));

        Assert.Equal("A reason for rejecting a lot must be at most 500 characters (got 501).", ex.Message);
        Assert.Equal(LotStatus.Quarantine, lot.Status);
    }

    // ----- Return to quarantine -----

    [Fact]
    public void ReturnsAReleasedLotToQuarantineWithTheReason()
    {
        var lot = ReleasedLot();
        var at = ReleasedAt.AddDays(10);

        lot.ReturnToQuarantine("Re-test after temperature excursion in the warehouse", at);

        Assert.Equal(LotStatus.Quarantine, lot.Status);
        Assert.Equal("Re-test after temperature excursion in the warehouse", lot.StatusReason);
        Assert.Equal(at, lot.StatusChangedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void RefusesToReturnToQuarantineWithoutAReason(string? reason)
    {
        var lot = ReleasedLot();

        var ex = Assert.Throws<DomainException>(() => lot.ReturnToQuarantine(reason!, ReleasedAt.AddDays(1)));

        Assert.Equal("A reason for returning a lot to quarantine is required.", ex.Message);
        Assert.Equal(LotStatus.Released, lot.Status);
    }

    [Fact]
    public void RefusesToReturnALotInQuarantineToQuarantine()
    {
        var lot = ReceivedLot();

        var ex = Assert.Throws<DomainException>(() => lot.ReturnToQuarantine("Re-test", ReleasedAt));

        Assert.Equal("Lot L-2026-001 is already Quarantine.", ex.Message);
    }

    // ----- Expire -----

    [Fact]
    public void ExpiresALotInQuarantineAfterItsExpiryDate()
    {
        var lot = ReceivedLot();

        lot.Expire(DayAfterExpiry);

        Assert.Equal(LotStatus.Expired, lot.Status);
        Assert.Equal("Expiry date 2027-11-30 passed.", lot.StatusReason);
        Assert.Equal(DayAfterExpiry, lot.StatusChangedAt);
    }

    [Fact]
    public void ExpiresAReleasedLotAfterItsExpiryDate()
    {
        var lot = ReleasedLot();

        lot.Expire(DayAfterExpiry.AddDays(3));

        Assert.Equal(LotStatus.Expired, lot.Status);
    }

    [Theory]
    [InlineData("2026-11-26T09:00:00Z")]
    [InlineData("2027-11-30T00:00:00Z")]
    [InlineData("2027-11-30T23:59:59Z")]
    public void RefusesToExpireALotThroughItsExpiryDate(string at)
    {
        var lot = ReleasedLot();

        var ex = Assert.Throws<DomainException>(() => lot.Expire(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture)));

        Assert.Equal("Lot L-2026-001 is good until 2027-11-30; it cannot be expired before then.", ex.Message);
        Assert.Equal(LotStatus.Released, lot.Status);
    }

    // ----- Final statuses -----

    [Fact]
    public void RejectedIsFinal()
    {
        var lot = RejectedLot();
        var at = ReleasedAt.AddDays(1);

        Assert.Equal("Lot L-2026-001 is Rejected: its status can no longer change.",
            Assert.Throws<DomainException>(() => lot.Release(at)).Message);
        Assert.Equal("Lot L-2026-001 is Rejected: its status can no longer change.",
            Assert.Throws<DomainException>(() => lot.ReturnToQuarantine("Re-test", at)).Message);
        Assert.Equal("Lot L-2026-001 is Rejected: its status can no longer change.",
            Assert.Throws<DomainException>(() => lot.Expire(DayAfterExpiry)).Message);
        Assert.Equal("Lot L-2026-001 is already Rejected.",
            Assert.Throws<DomainException>(() => lot.Reject("Again", at)).Message);
        Assert.Equal(LotStatus.Rejected, lot.Status);
        Assert.Equal("Assay out of specification", lot.StatusReason);
    }

    [Fact]
    public void ExpiredIsFinal()
    {
        var lot = ExpiredLot();
        var at = DayAfterExpiry.AddDays(1);

        Assert.Equal("Lot L-2026-001 is Expired: its status can no longer change.",
            Assert.Throws<DomainException>(() => lot.ReturnToQuarantine("Re-test", at)).Message);
        Assert.Equal("Lot L-2026-001 is Expired: its status can no longer change.",
            Assert.Throws<DomainException>(() => lot.Reject("Destroy", at)).Message);
        Assert.Equal("Lot L-2026-001 is already Expired.",
            Assert.Throws<DomainException>(() => lot.Expire(at)).Message);
        Assert.Equal("Lot L-2026-001 expired on 2027-11-30 and cannot be released.",
            Assert.Throws<DomainException>(() => lot.Release(at)).Message);
        Assert.Equal(LotStatus.Expired, lot.Status);
        Assert.Equal(DayAfterExpiry, lot.StatusChangedAt);
    }

    // ----- Expiry and use -----

    [Theory]
    [InlineData("2026-11-25", false)]
    [InlineData("2027-11-29", false)]
    [InlineData("2027-11-30", false)]
    [InlineData("2027-12-01", true)]
    [InlineData("2028-06-01", true)]
    public void IsGoodThroughItsExpiryDateAndExpiredFromTheNextDay(string today, bool pastExpiry)
    {
        Assert.Equal(pastExpiry, ReceivedLot().IsPastExpiry(Day(today)));
    }

    [Fact]
    public void AReleasedLotWithinItsExpiryIsUsable()
    {
        var lot = ReleasedLot();

        Assert.Null(lot.ReasonNotUsable(Day("2026-12-01")));
        Assert.Null(lot.ReasonNotUsable(ExpiryDate));
    }

    [Fact]
    public void AReleasedLotPastItsExpiryIsNotUsable()
    {
        Assert.Equal("Lot L-2026-001 expired on 2027-11-30.", ReleasedLot().ReasonNotUsable(Day("2027-12-01")));
    }

    [Fact]
    public void ALotInQuarantineIsNotUsable()
    {
        Assert.Equal("Lot L-2026-001 is Quarantine, not Released.", ReceivedLot().ReasonNotUsable(Day("2026-12-01")));
    }

    [Fact]
    public void ARejectedLotIsNotUsable()
    {
        Assert.Equal("Lot L-2026-001 is Rejected, not Released.", RejectedLot().ReasonNotUsable(Day("2026-12-01")));
    }

    [Fact]
    public void AnExpiredLotIsNotUsable()
    {
        Assert.Equal("Lot L-2026-001 is Expired, not Released.", ExpiredLot().ReasonNotUsable(Day("2027-12-01")));
    }

    [Fact]
    public void EveryStatusChangeCountsAVersionAndARefusedOneDoesNot()
    {
        var lot = ReceivedLot();
        Assert.Equal(0, lot.Version);

        lot.Release(ReleasedAt);
        lot.ReturnToQuarantine("Customer complaint", ReleasedAt.AddDays(1));
        Assert.Throws<DomainException>(() => lot.Expire(ReleasedAt.AddDays(2)));
        lot.Reject("Complaint confirmed", ReleasedAt.AddDays(3));

        Assert.Equal(3, lot.Version);
    }
}
