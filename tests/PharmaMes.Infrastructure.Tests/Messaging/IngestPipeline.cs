using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MQTTnet;
using MQTTnet.Protocol;
using PharmaMes.Domain.Alerts;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Messaging;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>
/// Device messages through the real embedded broker, ingest client, writer and SQLite database:
/// what a device publishes ends up as data, events and alerts, or in quarantine with the reason.
/// </summary>
public class IngestPipeline
{
    [Fact]
    public async Task StoresTelemetryAsOneSampleRowPerTagWithTheDevicesTimestamp()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var device = await live.ConnectAsync();
        var press = await live.EquipmentIdAsync("TP-01");
        var at = Now().AddSeconds(-30);

        await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", TelemetryJson(at, "\"speed\":3012,\"compression_force\":14.6,\"tablet_weight\":500.4"));

        var samples = await Eventually.GetAsync(
            () => live.QueryAsync(db => db.TelemetrySamples.Include(s => s.Channel).Where(s => s.Channel!.EquipmentId == press).ToListAsync()),
            rows => rows.Count >= 3);
        Assert.Equal(3, samples.Count);
        Assert.All(samples, s => Assert.Equal(at, s.Time));
        Assert.Equal(new Dictionary<string, double> { ["speed"] = 3012, ["compression_force"] = 14.6, ["tablet_weight"] = 500.4 },
            samples.ToDictionary(s => s.Channel!.Tag, s => s.Value));
        Assert.Equal(0, await live.QueryAsync(db => db.Excursions.CountAsync()));
        Assert.Equal(0, await live.QueryAsync(db => db.QuarantinedMessages.CountAsync()));
    }

    [Fact]
    public async Task AValuePastAnAlarmLimitOpensAnExcursionAndAnAlertThatTheNextNormalValueEnds()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var device = await live.ConnectAsync();
        var bioreactor = await live.EquipmentIdAsync("BR-01");
        var t0 = Now().AddSeconds(-40);
        var (t1, t2, t3) = (t0.AddSeconds(10), t0.AddSeconds(20), t0.AddSeconds(30));

        // 37.3 °C is outside the normal range (36.8-37.2) but inside the alarm limits (36.5-37.5): no excursion.
        await PublishAcceptedAsync(device, $"{Bioreactor}/telemetry", TelemetryJson(t0, "\"temperature\":37.3"));
        await PublishAcceptedAsync(device, $"{Bioreactor}/telemetry", TelemetryJson(t1, "\"temperature\":37.9"));
        await PublishAcceptedAsync(device, $"{Bioreactor}/telemetry", TelemetryJson(t2, "\"temperature\":38.4"));

        var open = await Eventually.GetAsync(
            () => live.QueryAsync(db => db.Excursions.Where(x => x.EquipmentId == bioreactor).ToListAsync()),
            rows => rows.Count == 1 && rows[0].PeakAt == t2);
        var excursion = Assert.Single(open);
        Assert.Equal("temperature", excursion.Tag.Value);
        Assert.Equal(ExcursionDirection.High, excursion.Direction);
        Assert.Equal(37.5, excursion.Limit);
        Assert.Equal(t1, excursion.StartedAt);
        Assert.Equal(38.4, excursion.Peak);
        Assert.Null(excursion.EndedAt);
        var alert = Assert.Single(await live.QueryAsync(db => db.Alerts.Where(a => a.Kind == AlertKind.EquipmentDown || a.Kind == AlertKind.Excursion).ToListAsync()));
        Assert.Equal(AlertKind.Excursion, alert.Kind);
        Assert.Equal("BR-01", alert.Source);
        Assert.Equal(t1, alert.RaisedAt);
        Assert.Contains("above its alarm limit 37.5", alert.Message);

        await PublishAcceptedAsync(device, $"{Bioreactor}/telemetry", TelemetryJson(t3, "\"temperature\":37.1"));

        var ended = await Eventually.GetAsync(
            () => live.QueryAsync(db => db.Excursions.Where(x => x.EquipmentId == bioreactor).ToListAsync()),
            rows => rows.Count == 1 && rows[0].EndedAt is not null);
        excursion = Assert.Single(ended);
        Assert.Equal(t3, excursion.EndedAt);
        Assert.Equal(38.4, excursion.Peak);
        Assert.Equal(t2, excursion.PeakAt);
        // The alert returns to normal when the excursion ends, and stays as history.
        var clearedAlert = Assert.Single(await Eventually.GetAsync(
            () => live.QueryAsync(db => db.Alerts.Where(a => a.Kind == AlertKind.EquipmentDown || a.Kind == AlertKind.Excursion).ToListAsync()),
            rows => rows.Count == 1 && rows[0].ClearedAt is not null));
        Assert.Equal(t3, clearedAlert.ClearedAt);
        Assert.Equal(4, await live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Channel!.EquipmentId == bioreactor)));
    }

    [Fact]
    public async Task AValueBelowTheLowAlarmLimitOpensALowExcursion()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var device = await live.ConnectAsync();
        var press = await live.EquipmentIdAsync("TP-01");
        var at = Now().AddSeconds(-5);

        await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", TelemetryJson(at, "\"compression_force\":9.5,\"speed\":3000"));

        var excursions = await Eventually.GetAsync(
            () => live.QueryAsync(db => db.Excursions.Where(x => x.EquipmentId == press).ToListAsync()),
            rows => rows.Count > 0);
        var excursion = Assert.Single(excursions);
        Assert.Equal(("compression_force", ExcursionDirection.Low, 10.0, 9.5), (excursion.Tag.Value, excursion.Direction, excursion.Limit, excursion.Peak));
        Assert.Contains("below its alarm limit 10", Assert.Single(await live.QueryAsync(db => db.Alerts.Where(a => a.Kind == AlertKind.EquipmentDown || a.Kind == AlertKind.Excursion).ToListAsync())).Message);
    }

    [Fact]
    public async Task AStateChangeToDownClosesTheOpenIntervalOpensADownIntervalAndRaisesAnAlert()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var press = await live.EquipmentIdAsync("TP-01");
        int before;
        await using (var db = live.Mes.NewContext())
        {
            // TP-01 has been Running since the demo was seeded: the seed opened that interval.
            var open = await db.StateIntervals.SingleAsync(s => s.EquipmentId == press && s.EndedAt == null);
            Assert.Equal(EquipmentState.Running, open.State);
            before = await db.StateIntervals.CountAsync(s => s.EquipmentId == press);
        }
        var device = await live.ConnectAsync();
        var at = Now().AddSeconds(-5);

        await PublishAcceptedAsync(device, $"{TabletPress}/state", $$"""{"ts":"{{Ts(at)}}","state":"Down","reason":"Punch tip broken at station 12"}""");

        var pressNow = await Eventually.GetAsync(
            () => live.QueryAsync(db => db.Equipment.AsNoTracking().SingleAsync(e => e.Id == press)),
            e => e.State == EquipmentState.Down);
        Assert.Equal(EquipmentState.Down, pressNow.State);
        Assert.Equal(at, pressNow.StateSince);
        Assert.Equal("Punch tip broken at station 12", pressNow.StateReason);
        var intervals = await live.QueryAsync(db => db.StateIntervals.Where(s => s.EquipmentId == press).OrderBy(s => s.StartedAt).ToListAsync());
        Assert.Equal(before + 1, intervals.Count);
        Assert.Equal((EquipmentState.Running, (DateTimeOffset?)at), (intervals[^2].State, intervals[^2].EndedAt));
        Assert.Equal((EquipmentState.Down, at, (DateTimeOffset?)null), (intervals[^1].State, intervals[^1].StartedAt, intervals[^1].EndedAt));
        Assert.Equal("Punch tip broken at station 12", intervals[^1].Reason);
        var alert = Assert.Single(await live.QueryAsync(db => db.Alerts.Where(a => a.Kind == AlertKind.EquipmentDown || a.Kind == AlertKind.Excursion).ToListAsync()));
        Assert.Equal((AlertKind.EquipmentDown, "TP-01", at), (alert.Kind, alert.Source, alert.RaisedAt));
        Assert.Contains("Punch tip broken at station 12", alert.Message);
        Assert.True(await Eventually.TrueAsync(() => live.Get<LivePlant>().Find("TP-01")?.State == EquipmentState.Down),
            "the live plant should show TP-01 Down");

        // Repaired: the press reports Idle, and its Down alert returns to normal at that moment.
        var repaired = at.AddSeconds(3);
        await PublishAcceptedAsync(device, $"{TabletPress}/state", $$"""{"ts":"{{Ts(repaired)}}","state":"Idle"}""");
        var cleared = await Eventually.GetAsync(
            () => live.QueryAsync(db => db.Alerts.AsNoTracking().SingleAsync(a => a.Id == alert.Id)),
            a => a.ClearedAt is not null);
        Assert.Equal(repaired, cleared.ClearedAt);
    }

    [Fact]
    public async Task AnIllegalStateChangeIsQuarantinedAndChangesNothing()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var device = await live.ConnectAsync();
        var dryer = await live.EquipmentIdAsync("FBD-01");
        var at = Now().AddSeconds(-10);

        // FBD-01 is Idle: Held only follows Running.
        await PublishAcceptedAsync(device, $"{Dryer}/state", $$"""{"ts":"{{Ts(at)}}","state":"Held","reason":null}""");

        var quarantined = await Eventually.GetAsync(() => live.QueryAsync(db => db.QuarantinedMessages.ToListAsync()), rows => rows.Count > 0);
        var refusal = Assert.Single(quarantined);
        Assert.Equal(QuarantineReason.StateRefused, refusal.ReasonCode);
        Assert.Equal($"{Dryer}/state", refusal.Topic);
        Assert.Contains("from Idle to Held", refusal.Detail);
        Assert.Contains("\"state\":\"Held\"", refusal.PayloadExcerpt);
        Assert.Equal(EquipmentState.Idle, await live.QueryAsync(db => db.Equipment.Where(e => e.Id == dryer).Select(e => e.State).SingleAsync()));
        // Only the seeded Idle interval, still open.
        var interval = Assert.Single(await live.QueryAsync(db => db.StateIntervals.Where(s => s.EquipmentId == dryer).ToListAsync()));
        Assert.Equal((EquipmentState.Idle, (DateTimeOffset?)null), (interval.State, interval.EndedAt));
        Assert.Equal(0, await live.QueryAsync(db => db.Alerts.CountAsync(a => a.Kind == AlertKind.EquipmentDown || a.Kind == AlertKind.Excursion)));

        // The equipment still takes a legal change afterwards.
        await PublishAcceptedAsync(device, $"{Dryer}/state", $$"""{"ts":"{{Ts(at.AddSeconds(1))}}","state":"Running","reason":null}""");
        var state = await Eventually.GetAsync(() => live.QueryAsync(db => db.Equipment.Where(e => e.Id == dryer).Select(e => e.State).SingleAsync()),
            s => s == EquipmentState.Running);
        Assert.Equal(EquipmentState.Running, state);
    }

    [Fact]
    public async Task CumulativeCountersBecomeDeltasAndACounterResetIsRecognised()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var device = await live.ConnectAsync();
        var press = await live.EquipmentIdAsync("TP-01");
        var t1 = Now().AddSeconds(-30);

        await PublishAcceptedAsync(device, $"{TabletPress}/counts", $$"""{"ts":"{{Ts(t1)}}","good":100,"reject":2}""");
        await PublishAcceptedAsync(device, $"{TabletPress}/counts", $$"""{"ts":"{{Ts(t1.AddSeconds(10))}}","good":250,"reject":5}""");
        await PublishAcceptedAsync(device, $"{TabletPress}/counts", $$"""{"ts":"{{Ts(t1.AddSeconds(20))}}","good":30,"reject":1}""");

        var counts = await Eventually.GetAsync(
            () => live.QueryAsync(db => db.ProductionCounts.Where(c => c.EquipmentId == press).OrderBy(c => c.At).ToListAsync()),
            rows => rows.Count >= 3);
        Assert.Equal(
            [(t1, 0L, 0L, false), (t1.AddSeconds(10), 150L, 3L, false), (t1.AddSeconds(20), 30L, 1L, true)],
            counts.Select(c => (c.At, c.Good, c.Reject, c.AfterCounterReset)));
        var equipment = await live.QueryAsync(db => db.Equipment.AsNoTracking().SingleAsync(e => e.Id == press));
        Assert.Equal(((long?)30, (long?)1, (DateTimeOffset?)t1.AddSeconds(20)), (equipment.LastGoodCount, equipment.LastRejectCount, equipment.LastCountAt));

        // The same last report again (a redelivery after a reconnect) adds nothing and is no error.
        await PublishAcceptedAsync(device, $"{TabletPress}/counts", $$"""{"ts":"{{Ts(t1.AddSeconds(20))}}","good":30,"reject":1}""");
        await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", TelemetryJson(t1.AddSeconds(21), "\"speed\":3000"));
        await Eventually.GetAsync(() => live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Channel!.EquipmentId == press)), n => n >= 1);
        Assert.Equal(3, await live.QueryAsync(db => db.ProductionCounts.CountAsync(c => c.EquipmentId == press)));
        Assert.Equal(0, await live.QueryAsync(db => db.QuarantinedMessages.CountAsync()));
    }

    [Fact]
    public async Task StoresTheGoodMessagesOfAMixedBatchQuarantinesEachBadOneAndKeepsGoing()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var device = await live.ConnectAsync();
        var mes = await live.ConnectAsMesAsync();
        var press = await live.EquipmentIdAsync("TP-01");
        var bioreactor = await live.EquipmentIdAsync("BR-01");
        var at = Now().AddSeconds(-20);
        byte[] notUtf8 = [.. "{\"values\":{\"temp"u8, 0xC3, 0x28, .. "erature\":37.0}}"u8];

        await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", TelemetryJson(at, "\"speed\":3000"));
        await PublishAcceptedAsync(device, "mes/PLANT1/OSD/OSD-L1/XX-99/telemetry", TelemetryJson(at, "\"speed\":3000"));
        await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", TelemetryJson(at.AddSeconds(1), "\"speed\":3000,\"rpm\":1200"));
        await PublishAcceptedAsync(device, "mes/PLANT1/BIO/BIO-L1/TP-01/telemetry", TelemetryJson(at.AddSeconds(2), "\"speed\":3000"));
        await PublishAcceptedAsync(device, $"{Bioreactor}/telemetry", "{\"values\":{\"temperature\":37.0");
        Assert.Equal(MqttClientPublishReasonCode.Success, (await PublishAsync(device, $"{Bioreactor}/telemetry", notUtf8)).ReasonCode);
        await PublishAcceptedAsync(device, $"{Bioreactor}/telemetry", TelemetryJson(at, "\"temperature\":37.0,\"ph\":7.1"));
        // Only the MES may publish outside the device topics: its own non-device topic under the
        // subscription reaches ingest, which does not take it for device data.
        await PublishAcceptedAsync(mes, $"{TabletPress}/alarms", TelemetryJson(at, "\"speed\":3000"));
        // A device publishing outside the contract is turned away by the broker itself.
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await PublishAsync(device, "mes/PLANT1/x", TelemetryJson(at, "\"speed\":3000"))).ReasonCode);

        var quarantined = await Eventually.GetAsync(() => live.QueryAsync(db => db.QuarantinedMessages.ToListAsync()), rows => rows.Count >= 6);
        Assert.Equal(
            [
                ("mes/PLANT1/BIO/BIO-L1/BR-01/telemetry", QuarantineReason.InvalidJson),
                ("mes/PLANT1/BIO/BIO-L1/BR-01/telemetry", QuarantineReason.InvalidJson),
                ("mes/PLANT1/BIO/BIO-L1/TP-01/telemetry", QuarantineReason.UnknownEquipment),
                ("mes/PLANT1/OSD/OSD-L1/TP-01/alarms", QuarantineReason.TopicNotInContract),
                ("mes/PLANT1/OSD/OSD-L1/TP-01/telemetry", QuarantineReason.UnknownTag),
                ("mes/PLANT1/OSD/OSD-L1/XX-99/telemetry", QuarantineReason.UnknownEquipment),
            ],
            quarantined.Select(q => (q.Topic, q.ReasonCode)).Order());
        Assert.Contains(quarantined, q => q.PayloadExcerpt.StartsWith("hex:7B2276616C756573", StringComparison.Ordinal));
        Assert.Contains(quarantined, q => q.Detail.Contains("TP-01 is at PLANT1/OSD/OSD-L1, not PLANT1/BIO/BIO-L1"));
        Assert.Contains(quarantined, q => q.Detail.Contains("has no tag \"rpm\""));
        Assert.Equal(1, await live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Channel!.EquipmentId == press)));
        Assert.Equal(2, await live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Channel!.EquipmentId == bioreactor)));

        var later = at.AddSeconds(10);
        await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", TelemetryJson(later, "\"speed\":3100"));
        var stored = await Eventually.GetAsync(
            () => live.QueryAsync(db => db.TelemetrySamples.Where(s => s.Channel!.EquipmentId == press && s.Time == later).ToListAsync()),
            rows => rows.Count > 0);
        Assert.Equal(3100, Assert.Single(stored).Value);
        Assert.Equal(0, live.Get<IngestMetrics>().FailedBatches);
        Assert.Equal(6, live.Get<IngestMetrics>().Quarantined);
    }

    [Fact]
    public async Task TheMesOwnRetainedStatusMessagesAreNotTakenForDeviceMessages()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var watcher = await live.ConnectAsync();
        var statuses = new ConcurrentQueue<(string Topic, string Payload)>();
        watcher.ApplicationMessageReceivedAsync += e =>
        {
            statuses.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.ConvertPayloadToString()));
            return Task.CompletedTask;
        };
        await watcher.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic("mes/+/+/+/+/status").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
        Assert.True(await Eventually.TrueAsync(() => statuses.Select(s => s.Topic).Distinct().Count() == 10), "the MES publishes the status of all 10 demo equipment");
        var device = await live.ConnectAsync();

        await PublishAcceptedAsync(device, $"{TabletPress}/state", $$"""{"ts":"{{Ts(Now().AddSeconds(-5))}}","state":"Down","reason":"Lubrication alarm"}""");
        Assert.True(await Eventually.TrueAsync(() => statuses.Any(s => s.Topic == $"{TabletPress}/status" && s.Payload.Contains("\"Down\""))),
            "the MES republishes TP-01's status after the change");
        // A device message published now reaches ingest after every status message so far.
        var at = Now();
        await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", TelemetryJson(at, "\"speed\":0"));
        var press = await live.EquipmentIdAsync("TP-01");
        Assert.Equal(1, await Eventually.GetAsync(() => live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Channel!.EquipmentId == press)), n => n >= 1));

        Assert.Empty(await live.QueryAsync(db => db.QuarantinedMessages.Select(q => q.Topic).ToListAsync()));
        Assert.Equal(0, live.Get<IngestMetrics>().Quarantined);
    }

    [Fact]
    public async Task TheSameTelemetryDeliveredAgainIsStoredOnce()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var device = await live.ConnectAsync();
        var press = await live.EquipmentIdAsync("TP-01");
        var metrics = live.Get<IngestMetrics>();
        var message = TelemetryJson(Now().AddSeconds(-15), "\"speed\":3000,\"compression_force\":15.1,\"tablet_weight\":499.8");

        // Twice at once (likely one batch), then once more in a later batch.
        await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", message);
        await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", message);
        Assert.True(await Eventually.TrueAsync(() => metrics.Persisted >= 2), "both deliveries should be processed");
        await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", message);
        Assert.True(await Eventually.TrueAsync(() => metrics.Persisted >= 3), "the third delivery should be processed");

        Assert.Equal(3, await live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Channel!.EquipmentId == press)));
        Assert.Equal(0, metrics.FailedBatches);
        Assert.Equal(0, await live.QueryAsync(db => db.QuarantinedMessages.CountAsync()));
    }

    [Fact]
    public async Task TheLivePlantAndItsSubscribersSeeNewValuesOnceTheyAreCommitted()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var device = await live.ConnectAsync();
        var bioreactor = await live.EquipmentIdAsync("BR-01");
        var notified = new TaskCompletionSource<(TelemetryUpdated Update, int RowsStored)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = live.Get<LiveEvents>().Subscribe<TelemetryUpdated>(update =>
        {
            if (update.EquipmentCode != "BR-01")
                return;
            // What another reader sees at the moment of the event: the batch must be committed already.
            using var db = live.Mes.NewContext();
            notified.TrySetResult((update, db.TelemetrySamples.Count(s => s.Channel!.EquipmentId == bioreactor)));
        });
        var at = Now().AddSeconds(-3);

        await PublishAcceptedAsync(device, $"{Bioreactor}/telemetry", TelemetryJson(at, "\"temperature\":37.05,\"ph\":7.08"));

        var (update, rowsStored) = await notified.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, rowsStored);
        Assert.Equal(("BR-01", "BIO-L1", at), (update.EquipmentCode, update.LineCode, update.At));
        Assert.Equal(new Dictionary<string, double> { ["temperature"] = 37.05, ["ph"] = 7.08 }, update.Values);
        var state = live.Get<LivePlant>().Find("BR-01");
        Assert.NotNull(state);
        Assert.Equal(new TagLiveValue(37.05, at), state.Latest()["temperature"]);
        Assert.Equal(new TagLiveValue(7.08, at), Assert.Single(state.Recent("ph")));
        Assert.Equal(at, state.LastMessageAt);
        Assert.Equal(EquipmentState.Running, state.State);
    }
}
