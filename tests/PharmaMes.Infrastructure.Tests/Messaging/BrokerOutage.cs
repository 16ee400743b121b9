using Microsoft.EntityFrameworkCore;
using PharmaMes.Infrastructure.Messaging;
using Xunit.Abstractions;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>
/// An external Mosquitto killed in the middle of a stream and started again on the same port with
/// its persistence file: the MES reconnects by itself and stores each message once. Mosquitto 2.0
/// persists by snapshots (every autosave_interval, 1 s here, or on SIGUSR1), not per message: what
/// it acknowledged after its last save and had not yet handed to the MES dies with it, and no
/// subscriber can get that back. These tests hold the MES to everything else.
/// </summary>
public class BrokerOutage(ITestOutputHelper output)
{
    private const int Messages = 3_000;

    [Fact]
    public async Task TheMesReconnectsByItselfAndStoresExactlyOnceEveryMessageMosquittoDidNotLoseWithItsMemory()
    {
        await using var mosquitto = await MosquittoBroker.StartAsync();
        await using var live = await LiveMesHost.StartExternalAsync(mosquitto.Port);
        var metrics = live.Get<IngestMetrics>();
        var press = await live.EquipmentIdAsync("TP-01");
        await using var publisher = new NumberedPublisher(mosquitto.Port);
        var t0 = Now().AddMinutes(-1);
        // The MES's session (its subscription) must be in the file to survive the kill.
        await mosquitto.SaveNowAsync();

        Task<(DateTime Saved, DateTimeOffset Killed, bool Noticed, DateTime Restarting)>? outage = null;
        await publisher.PublishAsync(Messages,
            n => ($"{TabletPress}/telemetry", TelemetryJson(t0.AddMilliseconds(n), $"\"speed\":{n}")),
            perSecond: 750,
            afterWindow: acknowledged =>
            {
                // Saved, then killed at once while the publisher goes on sending; back once the MES has noticed.
                outage ??= acknowledged >= 300 ? Task.Run(async () =>
                {
                    var saved = await mosquitto.SaveNowAsync();
                    await mosquitto.KillAsync();
                    var killed = DateTimeOffset.UtcNow;
                    var noticed = await Eventually.TrueAsync(() => !metrics.BrokerConnected);
                    var restarting = DateTime.UtcNow;
                    await mosquitto.RestartAsync();
                    return (saved, killed, noticed, restarting);
                }) : null;
                return Task.CompletedTask;
            });

        Assert.NotNull(outage);
        var (saved, killed, noticed, restarting) = await outage;
        Assert.True(noticed, "the MES should notice that the broker is gone");
        Assert.True(await Eventually.TrueAsync(() => metrics.BrokerConnected, TimeSpan.FromSeconds(40)),
            $"the MES should reconnect by itself: {metrics.LastConnectionError}");
        Assert.True(metrics.ConnectedSince > killed, $"the MES should have connected again after the kill, not only before it: {metrics.ConnectedSince:O}");
        Assert.True(publisher.Reconnects >= 1, "the publisher should have lost its connection in the middle of the stream");
        Assert.Empty(publisher.Refused);
        Assert.Equal(Enumerable.Range(0, Messages), publisher.Acknowledged);
        // Acknowledged after Mosquitto was asked to save, before it died: it may have lost these.
        var unsaved = publisher.AcknowledgedBetween(saved, restarting);

        // The writer stores in the order received: once the last messages are in, so is all before them.
        var mustArrive = publisher.Acknowledged.Except(unsaved).ToHashSet();
        var stored = await Eventually.GetAsync(
            () => live.QueryAsync(db => db.TelemetrySamples.Where(s => s.Channel!.EquipmentId == press && s.Channel!.Tag == "speed")
                .Select(s => new { s.Time, s.Value }).ToListAsync()),
            rows => mustArrive.IsSubsetOf(rows.Select(s => (int)s.Value)), TimeSpan.FromSeconds(30));
        // One row per time (the key) and each row at its number's time: no number twice.
        Assert.All(stored, s => Assert.Equal(t0.AddMilliseconds(s.Value), s.Time));
        var missing = publisher.Acknowledged.Except(stored.Select(s => (int)s.Value)).ToList();
        output.WriteLine($"publisher: {publisher.Reconnects} reconnect(s), {publisher.Resent} sent again; MES: {metrics.Received} received; " +
            $"{unsaved.Count} acknowledged after Mosquitto was asked to save and before its kill, {missing.Count} of them lost: [{string.Join(", ", missing)}]");
        Assert.Subset(unsaved.ToHashSet(), missing.ToHashSet());
        Assert.Equal(0, await live.QueryAsync(db => db.QuarantinedMessages.CountAsync()));
        Assert.Equal(0, metrics.FailedBatches);
    }

    [Fact]
    public async Task WhatMosquittoAcknowledgedAfterItsLastSaveIsGoneAfterAKillAndWhatItSavedIsDelivered()
    {
        await using var mosquitto = await MosquittoBroker.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-tests", Guid.NewGuid().ToString("N"));
        var clientId = "mes-" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            // The MES subscribes once and goes away; the broker queues for its session.
            await using (await LiveMesHost.StartExternalAsync(mosquitto.Port, clientId, folder: folder))
            {
            }
            await using var saved = new NumberedPublisher(mosquitto.Port);
            await using var unsaved = new NumberedPublisher(mosquitto.Port);
            var t0 = Now().AddMinutes(-1);
            (string, string) Message(int n) => ($"{TabletPress}/telemetry", TelemetryJson(t0.AddMilliseconds(n), $"\"speed\":{n}"));

            await saved.PublishAsync(100, Message);
            await mosquitto.WaitForPeriodicSaveAsync();
            // Acknowledged, then killed well before the next periodic save.
            await unsaved.PublishAsync(100, n => Message(100 + n));
            await mosquitto.KillAsync();
            Assert.Equal(Enumerable.Range(0, 100), saved.Acknowledged);
            Assert.Equal(Enumerable.Range(0, 100), unsaved.Acknowledged);
            Assert.Empty(saved.Refused.Concat(unsaved.Refused));

            await mosquitto.RestartAsync();
            await using var live = await LiveMesHost.StartExternalAsync(mosquitto.Port, clientId, folder: folder);
            var press = await live.EquipmentIdAsync("TP-01");
            // A marker published after the restart arrives after whatever the session still held.
            await using var marker = new NumberedPublisher(mosquitto.Port);
            await marker.PublishAsync(1, _ => Message(1_000));

            var stored = await Eventually.GetAsync(
                () => live.QueryAsync(db => db.TelemetrySamples.Where(s => s.Channel!.EquipmentId == press && s.Channel!.Tag == "speed").Select(s => s.Value).ToListAsync()),
                values => values.Contains(1_000));
            Assert.Equal(Enumerable.Range(0, 100).Append(1_000), stored.Select(v => (int)v).Order());
        }
        finally
        {
            MesTestHost.DeleteFolder(folder);
        }
    }
}
