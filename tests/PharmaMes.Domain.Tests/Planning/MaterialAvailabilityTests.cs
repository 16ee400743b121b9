using PharmaMes.Domain.Planning;

namespace PharmaMes.Domain.Tests.Planning;

/// <summary>When each order's materials are there: released stock now, Quarantine lots at their expected release, the rest after a delivery.</summary>
public class MaterialAvailabilityTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan LeadTime = TimeSpan.FromDays(7);

    private static MaterialNeed Needs(string order, params (string Material, decimal Quantity)[] quantities) =>
        new(order, quantities.ToDictionary(q => q.Material, q => q.Quantity));

    [Fact]
    public void OrdersTheReleasedStockCoversDoNotWait()
    {
        var waits = MaterialAvailability.Allocate([Needs("A", ("API", 60m), ("LAC", 10m)), Needs("B", ("API", 40m))],
            [new MaterialSupply("API", 70m, Now), new MaterialSupply("API", 30m, Now), new MaterialSupply("LAC", 10m, Now)], Now, LeadTime);

        Assert.Empty(waits);
    }

    [Fact]
    public void AnOrderTheStockCannotCoverWaitsForADeliveryAndLeavesTheStockToTheNext()
    {
        var waits = MaterialAvailability.Allocate([Needs("A", ("API", 60m)), Needs("B", ("API", 80m), ("LAC", 5m)), Needs("C", ("API", 40m), ("LAC", 5m))],
            [new MaterialSupply("API", 100m, Now), new MaterialSupply("LAC", 5m, Now)], Now, LeadTime);

        // A takes 60; B wants 80 of the 40 left: 40 missing, it waits and takes no lactose either; C gets the 40 and the lactose.
        var wait = Assert.Single(waits);
        Assert.Equal(("B", "API", 40m, Now + LeadTime, true), (wait.OrderNumber, wait.Material, wait.Missing, wait.Until, wait.WaitsForDelivery));
    }

    [Fact]
    public void AnOrderCoveredByALotInQuarantineWaitsForItsExpectedRelease()
    {
        var release = Now.AddDays(3);
        var waits = MaterialAvailability.Allocate([Needs("A", ("API", 60m)), Needs("B", ("API", 60m))],
            [new MaterialSupply("API", 100m, Now), new MaterialSupply("API", 50m, release)], Now, LeadTime);

        // A is served first from the released 100; B takes the last 40 released and 20 of the lot QC releases in three days.
        var wait = Assert.Single(waits);
        Assert.Equal(("B", "API", 0m, release, false), (wait.OrderNumber, wait.Material, wait.Missing, wait.Until, wait.WaitsForDelivery));
    }

    [Fact]
    public void AMaterialWithNoStockAtAllIsMissingInFull()
    {
        var wait = Assert.Single(MaterialAvailability.Allocate([Needs("A", ("API", 25m), ("LAC", 0m))], [], Now, LeadTime));

        Assert.Equal(("API", 25m), (wait.Material, wait.Missing));
    }
}
