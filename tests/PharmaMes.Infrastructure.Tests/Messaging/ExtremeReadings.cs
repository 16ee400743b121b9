using System.Text;
using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Alerts;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Messaging;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>A reading the contract accepts is stored, whatever the MES then writes about it.</summary>
public class ExtremeReadings
{
    [Fact]
    public async Task TheLargestFiniteReadingPastItsLimitIsStoredWithAnExcursionAndAShortAlert()
    {
        await using var mes = await MesTestHost.StartAsync();
        var at = Now().AddMinutes(-1);
        var message = new ReceivedMessage($"{TabletPress}/telemetry", Encoding.UTF8.GetBytes(TelemetryJson(at, "\"speed\":1.7e308")), at, _ => Task.CompletedTask);

        var result = await mes.Get<IngestBatchProcessor>().ProcessAsync([message], CancellationToken.None);

        Assert.Equal(0, result.Quarantined);
        await using var db = mes.NewContext();
        var press = await db.Equipment.SingleAsync(e => e.Code == new PlantCode("TP-01"));
        Assert.Equal(1.7e308, await db.TelemetrySamples.Where(s => s.Channel!.EquipmentId == press.Id && s.Time == at).Select(s => s.Value).SingleAsync());
        Assert.Equal(ExcursionDirection.High, (await db.Excursions.SingleAsync(x => x.EquipmentId == press.Id && x.StartedAt == at)).Direction);
        var alert = await db.Alerts.SingleAsync(a => a.Kind == AlertKind.Excursion && a.RaisedAt == at);
        Assert.Equal("TP-01 Press speed 1.7E+308 tablets/min is above its alarm limit 4000 tablets/min.", alert.Message);
    }

    [Theory]
    [InlineData(37.5, "37.5")]
    [InlineData(4000, "4000")]
    [InlineData(0.0025, "0.003")]
    [InlineData(0.00012, "1.2E-4")]
    [InlineData(-2.5e12, "-2.5E+12")]
    [InlineData(0, "0")]
    public void ReadingsInTextsAreWrittenAsPeopleReadThem(double value, string text) =>
        Assert.Equal(text, IngestBatchProcessor.Reading(value));
}
