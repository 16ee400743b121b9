using PharmaMes.Domain.Common;
using PharmaMes.Domain.Performance;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Tests.Performance;

/// <summary>Performance against the ideal rate of the product being made: each count weighed at the rate of its moment.</summary>
public class ProductRates
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private static DateTimeOffset At(double minutes) => T0.AddMinutes(minutes);
    private static PlannedWindow Window(double from, double to) => new(At(from), At(to), "Early", At(0), At(60));
    private static readonly StateSpan[] RunningAllHour = [new(EquipmentState.Running, At(0), At(60), null)];

    /// <summary>Small tablets (A) for the first half hour at 80 a minute, large ones (B) for the second at 50 a minute.</summary>
    private static List<CountReport> Counts() =>
        [.. Enumerable.Range(1, 30).Select(m => new CountReport(At(m), 78, 2)), .. Enumerable.Range(31, 30).Select(m => new CountReport(At(m), 50, 0))];

    private static IdealRates TwoProducts(double? equipmentRate, double? rateOfB = 50) =>
        new(equipmentRate, [new ProductRun("TAB-A", At(0), At(30), 100), new ProductRun("TAB-B", At(30), At(60), rateOfB ?? equipmentRate)]);

    [Fact]
    public void EachProductsCountsAreWeighedAtItsOwnRate()
    {
        var figures = OeeCalculation.Measure([Window(0, 60)], RunningAllHour, CountLedger.Of(Counts()), TwoProducts(equipmentRate: 100));
        var oneRate = OeeCalculation.Compute([Window(0, 60)], RunningAllHour, Counts(), idealRatePerMinute: 100);

        // 2,400 of A need 24 minutes at 100/min, 1,500 of B 30 minutes at 50/min: 54 of 60 running minutes.
        Assert.Equal(3_240, figures.IdealSeconds!.Value, 6);
        Assert.Equal(0.90, figures.Performance!.Value, 10);
        Assert.Equal(360, figures.SixBigLosses.ReducedSpeed, 6);
        // The same count measured at the press's one rate of 100 would show large tablets as a 35 % speed loss.
        Assert.Equal(0.65, oneRate.Performance!.Value, 10);
        // The rate shown is the one that needs the same time for the same count: 3,900 in 54 minutes.
        Assert.Equal(3_900.0 / 54, figures.IdealRatePerMinute!.Value, 6);
        // 60 rejects of A took 36 s at A's rate.
        Assert.Equal(36, figures.SixBigLosses.StartUpRejects + figures.SixBigLosses.ProductionRejects, 6);
        Assert.Equal(3_240 - 36, figures.GoodIdealSeconds!.Value, 6);
    }

    [Fact]
    public void TwoHalfHoursAddUpToTheHour()
    {
        var rates = TwoProducts(equipmentRate: 100);
        var hour = OeeCalculation.Measure([Window(0, 60)], RunningAllHour, CountLedger.Of(Counts()), rates);
        var halves = new[] { Window(0, 30), Window(30, 60) }
            .Select(w => OeeCalculation.Measure([w], RunningAllHour, CountLedger.Of(Counts()), rates)).ToList();

        var sum = OeeCalculation.Sum(halves, 100);

        Assert.Equal((0.80, 1.00), (halves[0].Performance!.Value, halves[1].Performance!.Value));
        Assert.Equal((100.0, 50.0), (halves[0].IdealRatePerMinute!.Value, halves[1].IdealRatePerMinute!.Value));
        Assert.Equal(hour.Performance!.Value, sum.Performance!.Value, 10);
        Assert.Equal(hour.IdealRatePerMinute!.Value, sum.IdealRatePerMinute!.Value, 10);
        Assert.Equal(hour.SixBigLosses, sum.SixBigLosses with { });
    }

    [Fact]
    public void UnitsCountedWhenNoRateIsKnownLeavePerformanceUnknownNotWrong()
    {
        // B has no rate of its own and the equipment none either.
        var figures = OeeCalculation.Measure([Window(0, 60)], RunningAllHour, CountLedger.Of(Counts()), TwoProducts(equipmentRate: null, rateOfB: null));
        var onlyA = OeeCalculation.Measure([Window(0, 30)], RunningAllHour, CountLedger.Of(Counts()), TwoProducts(equipmentRate: null, rateOfB: null));

        Assert.Null(figures.Performance);
        Assert.Null(figures.Oee);
        Assert.Equal(3_900, figures.TotalCount);
        Assert.Equal(0.80, onlyA.Performance!.Value, 10);
    }

    [Fact]
    public void BetweenProductRunsAndForAProductWithoutItsOwnRateTheEquipmentsRateCounts()
    {
        var rates = new IdealRates(60, [new ProductRun("TAB-A", At(10), At(20), 120), new ProductRun("TAB-C", At(30), At(40), null)]);

        var pieces = rates.Pieces(At(0), At(60)).Select(p => ((p.After - T0).TotalMinutes, (p.UpTo - T0).TotalMinutes, p.Rate)).ToList();

        Assert.Equal([(0.0, 10.0, (double?)60), (10, 20, 120), (20, 30, 60), (30, 40, 60), (40, 60, 60)], pieces);
    }

    [Fact]
    public void AnEquipmentKeepsOneRatePerProductAndRefusesNonsense()
    {
        var line = new Site(new PlantCode("S1"), "Site").AddArea(new PlantCode("A1"), "Area").AddLine(new PlantCode("L1"), "Line");
        var press = line.AddEquipment(new PlantCode("PRESS"), "Press", EquipmentClass.TabletPress, T0);
        press.SetIdealRate(100);

        press.SetProductRates([new ProductIdealRate("tab-b", 50), new ProductIdealRate("TAB-A", 120)]);
        var twice = Assert.Throws<DomainException>(() => press.SetProductRates([new ProductIdealRate("TAB-A", 1), new ProductIdealRate("tab-a", 2)]));
        var zero = Assert.Throws<DomainException>(() => press.SetProductRates([new ProductIdealRate("TAB-A", 0)]));

        Assert.Equal(["TAB-A", "TAB-B"], press.ProductRates.Select(r => r.Product));
        Assert.Equal((120.0, 50.0, 100.0), (press.IdealRateFor("TAB-A")!.Value, press.IdealRateFor("tab-b")!.Value, press.IdealRateFor("TAB-Z")!.Value));
        Assert.Contains("listed twice", twice.Message);
        Assert.Contains("must be more than 0", zero.Message);
        Assert.Equal(2, press.ProductRates.Count);
    }
}
