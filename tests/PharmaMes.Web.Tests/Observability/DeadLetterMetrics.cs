using System.Net;
using System.Net.Http.Json;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Observability;

/// <summary>An ERP that is not there, and one attempt per message: a message is dead-lettered at once.</summary>
public sealed class UnreachableErpFactory : MesWebFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Erp:Webhook:Url"] = $"http://127.0.0.1:{FreePort.Next()}/erp",
        ["Erp:Webhook:TimeoutSeconds"] = "5",
        ["Erp:MaxAttempts"] = "1",
    };
}

[Collection(MeterReadings.Name)]
public class DeadLetterMetrics(UnreachableErpFactory factory) : IClassFixture<UnreachableErpFactory>
{
    [Fact]
    public async Task ADeadLetteredMessageRaisesTheFailedGauge()
    {
        var scrape = new Scrape(factory);
        var erp = Machine(factory);
        var material = await NewMaterialAsync(erp, "RawMaterial", "kg", "DLM");
        // The readiness probe counts the outbox, as the dispatcher does after each run.
        await factory.NewBrowser().GetAsync("/health/ready");
        // The demo plant's own messages are dead-lettered first, in one pass (the rest of each aggregate waits behind them).
        var counted = await scrape.UntilAsync("pharmames_outbox_failed", null, v => v > 0, "the demo plant's messages have had their one attempt");
        var failed = Scrape.Value(counted, "pharmames_outbox_failed")!.Value;

        var receipt = await erp.PostAsJsonAsync("/api/v1/lots/receipts",
            new { material, lotNumber = Unique("L"), quantity = 40m, unit = "kg", expiryDate = Today.AddYears(1), supplierLot = "S-1" });
        Assert.Equal(HttpStatusCode.Created, receipt.StatusCode);

        await scrape.UntilAsync("pharmames_outbox_failed", null, v => v >= failed + 1, "the message the ERP never took is dead-lettered");
    }
}
