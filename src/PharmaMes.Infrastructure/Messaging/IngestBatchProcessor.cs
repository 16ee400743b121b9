using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PharmaMes.Domain.Alerts;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Telemetry;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// Turns one batch of received messages into database changes in one transaction: telemetry
/// samples, state intervals, production counts, excursions, alerts, and quarantine rows for
/// everything that breaks the contract. The rules live here, not in any screen.
/// </summary>
public sealed class IngestBatchProcessor(
    IDbContextFactory<MesDbContext> contexts,
    PlantDirectory directory,
    IOptions<MqttOptions> options)
{
    private static readonly AuditActor IngestActor = AuditActor.System("MQTT ingest", "Reported by the equipment");

    private sealed record Accepted(ReceivedMessage Message, PlantDirectory.Entry Equipment, DevicePayload Payload);

    public async Task<IngestBatchResult> ProcessAsync(IReadOnlyList<ReceivedMessage> batch, CancellationToken cancellationToken)
    {
        var mqtt = options.Value;
        var plant = await directory.GetAsync(cancellationToken);
        // The batch's own transaction runs inside the provider's execution strategy: a retrying one (SQL Server,
        // PostgreSQL) refuses a transaction begun outside it. An attempt that fails for a moment is run again
        // whole, on a new unit of work, so nothing of the failed one is carried over.
        await using var strategyOwner = await contexts.CreateDbContextAsync(cancellationToken);
        return await strategyOwner.Database.CreateExecutionStrategy()
            .ExecuteAsync(attempt => ProcessOnceAsync(batch, mqtt, plant, attempt), cancellationToken);
    }

    private async Task<IngestBatchResult> ProcessOnceAsync(IReadOnlyList<ReceivedMessage> batch, MqttOptions mqtt, PlantDirectory.Snapshot plant,
        CancellationToken cancellationToken)
    {
        var result = new IngestBatchResult();
        // Equipment state is GMP data: its changes are audited as reported by the devices.
        await using var db = await contexts.CreateDbContextAsync(IngestActor, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var accepted = new List<Accepted>(batch.Count);
        foreach (var message in batch)
        {
            var problem = Check(message, mqtt, plant, out var entry, out var payload);
            if (problem is not null)
                Quarantine(db, message, problem, result);
            else
                accepted.Add(new Accepted(message, entry!, payload!));
        }

        // Equipment whose state or counters change is loaded tracked, with its open interval.
        var changingIds = accepted.Where(a => a.Payload is not TelemetryPayload).Select(a => a.Equipment.Id).Distinct().ToList();
        // Two nodes sharing the subscription may change one equipment's state at once. Its changes are audited, so the
        // audit chain's head lock, taken before the equipment is read, makes the second wait for the first's commit and
        // read the state it left, instead of both changing the state each read (two open intervals, a lost change).
        if (changingIds.Count > 0)
            await Audit.AuditWriter.LockHeadAsync(db, cancellationToken);
        var equipment = changingIds.Count == 0 ? [] : await db.Equipment.Where(e => changingIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var openIntervals = changingIds.Count == 0 ? [] : await db.StateIntervals.Where(s => s.EndedAt == null && changingIds.Contains(s.EquipmentId))
            .ToDictionaryAsync(s => s.EquipmentId, cancellationToken);
        var telemetryIds = accepted.Where(a => a.Payload is TelemetryPayload).Select(a => a.Equipment.Id).Distinct().ToList();
        var openExcursions = telemetryIds.Count == 0 ? [] : await db.Excursions.Where(x => x.EndedAt == null && telemetryIds.Contains(x.EquipmentId))
            .ToDictionaryAsync(x => (x.EquipmentId, x.Tag.Value), cancellationToken);

        var samples = new List<TelemetrySample>();
        foreach (var (message, entry, payload) in accepted)
        {
            switch (payload)
            {
                case TelemetryPayload telemetry:
                    ApplyTelemetry(db, entry, telemetry, samples, openExcursions, result);
                    break;
                case StatePayload state:
                    var refusal = ApplyState(db, equipment[entry.Id], entry, state, openIntervals, result);
                    if (refusal is not null)
                    {
                        Quarantine(db, message, new QuarantineReason(QuarantineReason.StateRefused, refusal), result);
                        continue;
                    }
                    break;
                case CountsPayload counts:
                    var counted = equipment[entry.Id];
                    // The broker redelivering the last report (after a reconnect) changes nothing.
                    if (counted.LastCountAt == counts.At && counted.LastGoodCount == counts.Good && counted.LastRejectCount == counts.Reject)
                        break;
                    try
                    {
                        db.ProductionCounts.Add(counted.RecordCounters(new CounterReading(counts.Good, counts.Reject, counts.At)));
                    }
                    catch (DomainException ex)
                    {
                        Quarantine(db, message, new QuarantineReason(QuarantineReason.InvalidCount, ex.Message), result);
                        continue;
                    }
                    break;
            }
            result.Seen[entry.Code] = (entry.Line, payload.At);
        }

        await db.SaveChangesAsync(cancellationToken);
        await TelemetrySampleWriter.WriteAsync(db, samples, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Sets one message aside in quarantine, in its own transaction.</summary>
    public async Task QuarantineAsync(ReceivedMessage message, QuarantineReason reason, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Quarantine(db, message, reason, new IngestBatchResult());
        await db.SaveChangesAsync(cancellationToken);
    }

    private static QuarantineReason? Check(ReceivedMessage message, MqttOptions mqtt, PlantDirectory.Snapshot plant, out PlantDirectory.Entry? entry, out DevicePayload? payload)
    {
        entry = null;
        payload = null;
        var topic = DeviceTopic.Parse(mqtt.TopicRoot, message.Topic, out var topicProblem);
        if (topic is null)
            return new QuarantineReason(QuarantineReason.TopicNotInContract, topicProblem!);
        payload = DevicePayloadParser.Parse(topic.Kind, message.Payload, message.ReceivedAt, mqtt.Ingest.MaxPayloadBytes, out var payloadProblem);
        if (payload is null)
            return payloadProblem;
        if (!plant.ByCode.TryGetValue(topic.Equipment, out var found))
            return new QuarantineReason(QuarantineReason.UnknownEquipment, $"No equipment has the code {topic.Equipment}.");
        if (topic.Site != found.Site || topic.Area != found.Area || topic.Line != found.Line)
            return new QuarantineReason(QuarantineReason.UnknownEquipment,
                $"{found.Code} is at {found.Site}/{found.Area}/{found.Line}, not {topic.Site}/{topic.Area}/{topic.Line}.");
        if (payload is TelemetryPayload telemetry)
        {
            var unknown = telemetry.Values.Select(v => v.Key).Where(tag => !found.Tags.ContainsKey(tag)).ToList();
            if (unknown.Count > 0)
                return new QuarantineReason(QuarantineReason.UnknownTag,
                    $"{found.Code} has no tag {string.Join(", ", unknown.Select(t => $"\"{Excerpt(t, 40)}\""))}; its tags are {string.Join(", ", found.Tags.Keys.Order())}.");
        }
        entry = found;
        return null;
    }

    private static void ApplyTelemetry(MesDbContext db, PlantDirectory.Entry entry, TelemetryPayload telemetry, List<TelemetrySample> samples,
        Dictionary<(Guid, string), Excursion> openExcursions, IngestBatchResult result)
    {
        var values = new Dictionary<string, double>(telemetry.Values.Count);
        foreach (var (tag, value) in telemetry.Values)
        {
            samples.Add(new TelemetrySample { ChannelId = entry.Channels[tag], Time = telemetry.At, Value = value });
            values[tag] = value;
            var key = (entry.Id, tag);
            // A reading that ends an excursion may start one past the other limit (a jump from too high to too low).
            if (openExcursions.TryGetValue(key, out var open) && open.Observe(value, telemetry.At))
                openExcursions.Remove(key);
            if (!openExcursions.ContainsKey(key) && Excursion.OpenIfOutside(entry.Tags[tag], value, telemetry.At) is { } excursion)
            {
                db.Excursions.Add(excursion);
                openExcursions[key] = excursion;
                var definition = entry.Tags[tag];
                var alert = new Alert(AlertKind.Excursion, entry.Code, AlertText(
                    $"{entry.Code} {definition.Description} {Reading(value)} {definition.Unit} is {(excursion.Direction == ExcursionDirection.High ? "above" : "below")} its alarm limit {Reading(excursion.Limit)} {definition.Unit}."),
                    telemetry.At);
                db.Alerts.Add(alert);
                result.Alerts.Add(new AlertRaised(alert.Id, alert.Kind, alert.Source, alert.Message, alert.RaisedAt));
            }
        }
        result.Telemetry.Add(new TelemetryUpdated(entry.Code, entry.Line, telemetry.At, values));
    }

    /// <summary>Applies a reported state; returns why it was refused, or null.</summary>
    private static string? ApplyState(MesDbContext db, Equipment equipment, PlantDirectory.Entry entry, StatePayload state,
        Dictionary<Guid, StateInterval> openIntervals, IngestBatchResult result)
    {
        // Devices repeat their state as a heartbeat: the same state again changes nothing.
        if (equipment.State == state.State)
            return null;
        openIntervals.TryGetValue(equipment.Id, out var open);
        // Checked before anything changes, so a refused message leaves nothing half done.
        if (open is not null && state.At < open.StartedAt)
            return $"The state change at {state.At:u} is older than the current {open.State} interval, which started {open.StartedAt:u}.";
        if (state.Cleaning is not null && equipment.State != EquipmentState.Cleaning)
            return $"A cleaning report comes with the end of a Cleaning cycle, but {equipment.Code} is {equipment.State}.";
        var wasCleaning = equipment.State == EquipmentState.Cleaning;
        try
        {
            equipment.ChangeState(state.State, state.At, state.Reason);
            DeviceCleaning.Apply(db, equipment, state, wasCleaning);
        }
        catch (DomainException ex)
        {
            return ex.Message;
        }
        open?.End(state.At);
        var interval = new StateInterval(equipment.Id, state.State, state.At, state.Reason);
        db.StateIntervals.Add(interval);
        openIntervals[equipment.Id] = interval;
        result.StateChanges.Add(new EquipmentStateChanged(entry.Code, entry.Line, state.State, state.At, state.Reason));
        if (state.State == EquipmentState.Down)
        {
            var alert = new Alert(AlertKind.EquipmentDown, entry.Code, AlertText($"{entry.Code} is Down: {state.Reason}"), state.At);
            db.Alerts.Add(alert);
            result.Alerts.Add(new AlertRaised(alert.Id, alert.Kind, alert.Source, alert.Message, alert.RaisedAt));
        }
        return null;
    }

    private static void Quarantine(MesDbContext db, ReceivedMessage message, QuarantineReason reason, IngestBatchResult result)
    {
        db.QuarantinedMessages.Add(new QuarantinedMessage
        {
            Id = Ids.New(),
            Topic = Excerpt(message.Topic, QuarantinedMessage.TopicMaxLength),
            PayloadExcerpt = PayloadExcerpt(message.Payload),
            PayloadBytes = message.Payload.Length,
            ReasonCode = reason.Code,
            Detail = Excerpt(reason.Detail, QuarantinedMessage.DetailMaxLength),
            ReceivedAt = message.ReceivedAt,
        });
        result.SetAside(reason.Code);
    }

    /// <summary>Text when the payload is UTF-8 text, hex when it is not: engineers must see what arrived.</summary>
    private static string PayloadExcerpt(byte[] payload)
    {
        var head = payload.AsSpan(0, Math.Min(payload.Length, 300));
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(head);
            if (!text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
                return Excerpt(text, QuarantinedMessage.ExcerptMaxLength);
        }
        catch (DecoderFallbackException)
        {
        }
        return Excerpt("hex:" + Convert.ToHexString(payload.AsSpan(0, Math.Min(payload.Length, 200))), QuarantinedMessage.ExcerptMaxLength);
    }

    /// <summary>
    /// A value as people read it: 37.5, 0.002, 1.7E+308. Fixed-point for the very large or very
    /// small would spell out hundreds of digits of a valid reading.
    /// </summary>
    internal static string Reading(double value) =>
        value != 0 && (Math.Abs(value) >= 1e9 || Math.Abs(value) < 1e-3)
            ? value.ToString("0.###E+0", CultureInfo.InvariantCulture)
            : value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>An alert is stored whatever the reading or reason it names: its text is cut to the column.</summary>
    private static string AlertText(string text) => Excerpt(text, Alert.MessageMaxLength);

    private static string Excerpt(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
