using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Infrastructure.Messaging;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>A unit's own CIP cycle, reported in its state messages (docs/mqtt-contract.md), becomes a cleaning record a person verifies.</summary>
public class DeviceCleaningCycles
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ReadsTheCleaningReportOfAStateMessage()
    {
        var payload = (StatePayload)DevicePayloadParser.Parse(DeviceMessageKind.State, """
            {"ts":"2026-11-25T09:40:00Z","state":"Idle","cleaning":{"program":"CIP-2","agent":"1 % NaOH","startedAt":"2026-11-25T09:00:00Z","result":"Passed"}}
            """u8.ToArray(), ReceivedAt, 16_384, out var reason)!;

        Assert.Null(reason);
        Assert.Equal(new DeviceCleaningReport("CIP-2", "1 % NaOH", new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), true), payload.Cleaning);
    }

    [Theory]
    [InlineData("""{"state":"Idle","cleaning":{"result":"OK"}}""", QuarantineReason.InvalidShape)]
    [InlineData("""{"state":"Idle","cleaning":{"program":"CIP-2"}}""", QuarantineReason.InvalidShape)]
    [InlineData("""{"state":"Idle","cleaning":"CIP-2 passed"}""", QuarantineReason.InvalidShape)]
    [InlineData("""{"state":"Idle","cleaning":{"result":"Passed","operator":"jdoe"}}""", QuarantineReason.InvalidShape)]
    [InlineData("""{"state":"Idle","cleaning":{"result":"Passed","startedAt":"yesterday"}}""", QuarantineReason.InvalidTimestamp)]
    [InlineData("""{"ts":"2026-11-25T09:00:00Z","state":"Idle","cleaning":{"result":"Passed","startedAt":"2026-11-25T09:30:00Z"}}""", QuarantineReason.InvalidTimestamp)]
    public void RefusesABrokenCleaningReport(string json, string code)
    {
        var payload = DevicePayloadParser.Parse(DeviceMessageKind.State, System.Text.Encoding.UTF8.GetBytes(json), ReceivedAt, 16_384, out var reason);

        Assert.Null(payload);
        Assert.Equal(code, reason!.Code);
    }

    [Fact]
    public async Task APassedCipCycleIsRecordedForAPersonToVerify()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var device = await live.ConnectAsync();
        var dryer = await live.EquipmentIdAsync("FBD-01");
        var started = Now().AddMinutes(-30);

        await PublishAcceptedAsync(device, $"{Dryer}/state", $$"""{"ts":"{{Ts(started)}}","state":"Cleaning","reason":null}""");
        await PublishAcceptedAsync(device, $"{Dryer}/state",
            $$$"""{"ts":"{{{Ts(started.AddMinutes(25))}}}","state":"Idle","cleaning":{"program":"CIP-2","agent":"1 % NaOH, WFI rinse","startedAt":"{{{Ts(started)}}}","result":"Passed"}}""");

        var record = await Eventually.GetAsync(() => live.QueryAsync(db => db.CleaningRecords.AsNoTracking().Where(c => c.EquipmentId == dryer).ToListAsync()),
            rows => rows.Count > 0);
        var cleaning = Assert.Single(record);
        Assert.Equal((CleaningMethod.CleanInPlace, CleaningRecordStatus.AwaitingVerification), (cleaning.Method, cleaning.Status));
        Assert.Equal((started, started.AddMinutes(25)), (cleaning.StartedAt, cleaning.CleanedAt));
        Assert.True(cleaning.ReportedByDevice);
        Assert.Equal("Program CIP-2", cleaning.Comment);
        var unit = await live.QueryAsync(db => db.Equipment.AsNoTracking().SingleAsync(e => e.Id == dryer));
        // Cleaned by the unit, not yet verified by a person: not fit for product yet.
        Assert.Equal((EquipmentState.Idle, EquipmentStatus.Cleaning), (unit.State, unit.Status));
    }

    [Fact]
    public async Task ACleaningReportOutsideACleaningCycleIsQuarantined()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var device = await live.ConnectAsync();

        await PublishAcceptedAsync(device, $"{Dryer}/state", $$$"""{"ts":"{{{Ts(Now().AddSeconds(-5))}}}","state":"Running","cleaning":{"result":"Passed"}}""");

        var refusal = Assert.Single(await Eventually.GetAsync(() => live.QueryAsync(db => db.QuarantinedMessages.ToListAsync()), rows => rows.Count > 0));
        Assert.Equal(QuarantineReason.StateRefused, refusal.ReasonCode);
        Assert.Contains("end of a Cleaning cycle", refusal.Detail);
        Assert.Equal(0, await live.QueryAsync(db => db.CleaningRecords.CountAsync()));
    }
}
