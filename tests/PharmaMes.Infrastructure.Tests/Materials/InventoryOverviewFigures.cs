using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Alerts;
using PharmaMes.Infrastructure.Materials;

namespace PharmaMes.Infrastructure.Tests.Materials;

public class InventoryOverviewFigures
{
    [Fact]
    public async Task StockByStatusAllocationAvailabilityRateAndStockOutFollowTheLedgerAndTheOpenOrders()
    {
        await using var host = await MesTestHost.StartAsync();
        var batch = await InventoryScene.CreateAsync(host);
        var overview = host.Get<InventoryOverviewService>();

        var before = (await overview.ListAsync([InventoryScene.Material])).Single();
        Assert.Equal((300m, 1, 50m, 1, 20m, 1, 0m, 0), (before.Released, before.ReleasedLots, before.Quarantine, before.QuarantineLots, before.Rejected, before.RejectedLots, before.Expired, before.ExpiredLots));
        Assert.Equal((80m, 220m, 0m), (before.Allocated, before.Available, before.ConsumptionPerHour));
        Assert.Null(before.ProjectedStockOut);

        var now = DateTimeOffset.UtcNow;
        await InventoryScene.IssueAsync(host, batch, 30m, now.AddMinutes(-10));
        var after = (await overview.ListAsync([InventoryScene.Material])).Single();

        // 30 kg of the order's 80 kg are issued: 50 kg stay allocated; 270 kg on hand.
        Assert.Equal((270m, 50m, 220m, 30m), (after.Released, after.Allocated, after.Available, after.ConsumptionPerHour));
        var hours = (after.ProjectedStockOut!.Value - now).TotalHours;
        Assert.InRange(hours, 220.0 / 30 - 0.1, 220.0 / 30 + 0.1);
        Assert.False(after.IsBelowReorderPoint);
    }

    [Fact]
    public async Task AProcurementAlertIsRaisedOnceWhileTheConditionLastsAndClearedWhenStockIsBack()
    {
        await using var host = await MesTestHost.StartAsync();
        var batch = await InventoryScene.CreateAsync(host);
        var watch = host.Get<InventoryWatch>();

        // 230 kg in the last hour leaves 70 kg: below the reorder point, and gone within the horizon.
        await InventoryScene.IssueAsync(host, batch, 230m, DateTimeOffset.UtcNow.AddMinutes(-5));
        await watch.ReviewAsync(null, CancellationToken.None);
        await watch.ReviewAsync(null, CancellationToken.None);

        await using (var db = host.NewContext())
        {
            var alerts = await db.Alerts.Where(a => a.Source == InventoryScene.Material).ToListAsync();
            Assert.Equal([AlertKind.BelowReorderPoint, AlertKind.StockOutProjected], alerts.Select(a => a.Kind).Order());
            Assert.All(alerts, a => Assert.Null(a.ClearedAt));
            Assert.Contains("below the reorder point of 100 kg", alerts.Single(a => a.Kind == AlertKind.BelowReorderPoint).Message);
        }

        // A new lot released: 1,070 kg available, far from the reorder point and, at 230 kg/h, more than 4 h away.
        await using (var db = host.NewContext(PharmaMes.Infrastructure.Audit.AuditActor.System("test")))
        {
            var material = await db.Materials.SingleAsync(m => m.Code == new PharmaMes.Domain.Materials.MaterialCode(InventoryScene.Material));
            var lot = PharmaMes.Domain.Materials.MaterialLot.Receive(new PharmaMes.Domain.Materials.LotNumber("INV-R2"), material, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1), DateTimeOffset.UtcNow);
            lot.Release(DateTimeOffset.UtcNow);
            db.MaterialLots.Add(lot);
            db.InventoryLedger.Add(PharmaMes.Domain.Materials.InventoryLedgerEntry.Receipt(lot, material.QuantityOf(1_000m), DateTimeOffset.UtcNow, "planner"));
            await db.SaveChangesAsync();
        }
        await watch.ReviewAsync(null, CancellationToken.None);

        await using (var db = host.NewContext())
        {
            var alerts = await db.Alerts.Where(a => a.Source == InventoryScene.Material).ToListAsync();
            var reorder = alerts.Single(a => a.Kind == AlertKind.BelowReorderPoint);
            Assert.NotNull(reorder.ClearedAt);
            // 1,070 kg at 230 kg/h is 4.7 h: still inside the 8 h horizon, so that alert stays.
            Assert.Null(alerts.Single(a => a.Kind == AlertKind.StockOutProjected).ClearedAt);
        }
    }
}
