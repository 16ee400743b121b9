using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Outbox;
using PharmaMes.Infrastructure.Outbox.Events;
using PharmaMes.Infrastructure.Production;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Production;

/// <summary>Unused material back to its lot and waste written off, on a real database: stock, the ERP feed and the record.</summary>
public class MaterialReturnFlow
{
    private static readonly LotNumber Lot = new("PARA-24-0117");

    private static async Task<decimal> OnHandAsync(MesTestHost host)
    {
        await using var db = host.NewContext();
        var lot = await db.MaterialLots.AsNoTracking().SingleAsync(l => l.Number == Lot);
        return (await db.LotBalances.AsNoTracking().SingleAsync(b => b.LotId == lot.Id)).OnHand;
    }

    [Fact]
    public async Task UnusedMaterialGoesBackIntoItsLotAsAGoodsIssueReversalAndWasteStaysConsumed()
    {
        await using var host = await MesTestHost.StartAsync();
        var operatorUser = await PersonAsync(host, "operator");
        var execution = host.Get<BatchExecutionService>();
        var number = await NewBatchAsync(host);
        await execution.StartAsync(number, operatorUser);
        await execution.StartStepAsync(number, 1, "DISP-01", operatorUser);
        await execution.DispenseAsync(number, 1, "API-PARA", Lot.Value, 5.02m, null, new TypedWeight("Reference balance"), operatorUser);
        var afterIssue = await OnHandAsync(host);

        var returned = await execution.ReturnMaterialAsync(number, 1, "API-PARA", 0.3m, operatorUser);
        var wasted = await execution.RecordWasteAsync(number, 1, "API-PARA", 0.02m, "Spilt on the booth floor", operatorUser);
        var tooMuch = await Assert.ThrowsAsync<DomainException>(() => execution.ReturnMaterialAsync(number, 1, "API-PARA", 5m, operatorUser));

        Assert.Equal(afterIssue + 0.3m, await OnHandAsync(host));
        Assert.Contains("0.3 kg of API-PARA returned to lot PARA-24-0117", returned.Message);
        Assert.Contains("written off", wasted.Message);
        Assert.Contains("4.7 kg is left to account for", tooMuch.Message);
        await using var db = host.NewContext();
        var reversal = (await db.OutboxMessages.AsNoTracking().Where(m => m.Aggregate == $"Batch:{number}" && m.Type == ErpMessageType.GoodsIssue).ToListAsync())
            .Select(m => ErpJson.Deserialize<GoodsMovement>(m.Payload)).Single(g => g.MovementType == GoodsMovement.GoodsIssueReversal);
        Assert.Equal((0.3m, "API-PARA", Lot.Value), (reversal.Quantity, reversal.Material, reversal.Lot));
        var batch = await db.Batches.AsNoTracking().WithSteps().SingleAsync(b => b.Number == new BatchNumber(number));
        var line = batch.Reconcile().Lines.Single(l => l.Material == new MaterialCode("API-PARA"));
        Assert.Equal((5.02m, 0.3m, 0.02m, 4.7m), (line.Issued, line.Returned, line.Wasted, line.Consumed));
        Assert.False(line.WithinLimits);
    }
}
