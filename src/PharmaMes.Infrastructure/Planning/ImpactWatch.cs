using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Planning;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// Turns equipment state changes into schedule impacts, one at a time in the order they came: Down or Maintenance
/// (the batch on it is held, a proposal made), and back from either (a proposal that may take it back).
/// </summary>
public sealed partial class ImpactWatch(ImpactService impacts, LiveEvents notifier, IDbContextFactory<MesDbContext> contexts,
    ILogger<ImpactWatch> logger) : BackgroundService
{
    private readonly Channel<EquipmentStateChanged> _changes = Channel.CreateUnbounded<EquipmentStateChanged>(new() { SingleReader = true });
    // Equipment that is Down or in maintenance, as far as this watch knows: its return is an impact too.
    private readonly HashSet<string> _stopped = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // An impact is answered once, by the node that ingested the stop.
        using var subscription = notifier.Subscribe<EquipmentStateChanged>(OnStateChanged, LiveEventScope.ThisNode);
        try
        {
            await using (var db = await contexts.CreateDbContextAsync(stoppingToken))
                _stopped.UnionWith((await db.Equipment.AsNoTracking()
                    .Where(e => e.State == EquipmentState.Down || e.State == EquipmentState.Maintenance).Select(e => e.Code).ToListAsync(stoppingToken))
                    .Select(c => c.Value));
            await foreach (var change in _changes.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await AnswerAsync(change, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogImpactFailed(change.EquipmentCode, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void OnStateChanged(EquipmentStateChanged change) => _changes.Writer.TryWrite(change);

    private async Task AnswerAsync(EquipmentStateChanged change, CancellationToken cancellationToken)
    {
        if (change.State is EquipmentState.Down or EquipmentState.Maintenance)
        {
            if (!_stopped.Add(change.EquipmentCode))
                return;
            var description = change.State == EquipmentState.Down
                ? $"{change.EquipmentCode} is Down{(string.IsNullOrWhiteSpace(change.Reason) ? "" : $": {change.Reason}")}"
                : $"{change.EquipmentCode} went into maintenance";
            await impacts.RaiseForEquipmentAsync(ImpactCause.EquipmentDown, change.EquipmentCode, description, hold: true, cancellationToken);
        }
        else if (_stopped.Remove(change.EquipmentCode) && change.State is not EquipmentState.Offline)
            await impacts.RaiseForEquipmentAsync(ImpactCause.EquipmentBack, change.EquipmentCode, $"{change.EquipmentCode} runs again ({change.State})", hold: false,
                cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The schedule impact of {Equipment}'s change could not be made: {Reason}")]
    private partial void LogImpactFailed(string equipment, string reason);
}
