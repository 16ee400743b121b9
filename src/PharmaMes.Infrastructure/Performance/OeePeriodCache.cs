using PharmaMes.Infrastructure.Live;
using PharmaMes.Domain.Performance;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Performance;

/// <summary>
/// The figures of each equipment's ended shifts and hours, so that a month by shift is read from memory and only the
/// running shift from the database. Exact when data arrives late: every commit that stores a counter report, a state
/// interval or a stop reason of an equipment drops its periods that end at or after the earliest instant it touched
/// (a device's buffered reports of yesterday drop yesterday's shifts), and a period is kept only once it is whole
/// (not cut by the question), has ended, and no open state interval reaches into it. Figures computed while such a
/// commit happened are not kept. Each node keeps its own; periods older than the longest question are let go.
/// </summary>
public sealed class OeePeriodCache : IDisposable
{
    private static readonly TimeSpan KeptFor = OeeService.MaxRange + TimeSpan.FromDays(1);

    private readonly Dictionary<Guid, Unit> _units = [];
    private readonly Lock _lock = new();
    private readonly IDisposable _subscription;
    private readonly TimeProvider _clock;
    private DateTimeOffset _nextPrune;

    public OeePeriodCache(LiveEvents feed, TimeProvider clock)
    {
        _clock = clock;
        // Figures another node's commit touched are forgotten here too.
        _subscription = feed.Subscribe<CommittedChanges>(OnCommitted);
    }

    private sealed class Unit
    {
        public long Version;
        public readonly Dictionary<(string Windows, string Rates), (DateTimeOffset End, OeeFigures Figures)> Periods = [];
    }

    /// <summary>Read before reading the database: <see cref="Keep"/> keeps figures only if nothing of the equipment changed since.</summary>
    public long Version(Guid equipment)
    {
        lock (_lock)
            return _units.TryGetValue(equipment, out var unit) ? unit.Version : 0;
    }

    /// <param name="rates">The ideal rates over the period (<see cref="IdealRates.Key"/>): a changed rate is another period.</param>
    public bool TryGet(Guid equipment, IReadOnlyList<PlannedWindow> windows, string rates, out OeeFigures figures)
    {
        lock (_lock)
        {
            if (_units.TryGetValue(equipment, out var unit) && unit.Periods.TryGetValue((Key(windows), rates), out var kept))
            {
                figures = kept.Figures;
                return true;
            }
        }
        figures = null!;
        return false;
    }

    public void Keep(Guid equipment, long versionRead, IReadOnlyList<PlannedWindow> windows, string rates, OeeFigures figures)
    {
        var now = _clock.GetUtcNow();
        lock (_lock)
        {
            if (!_units.TryGetValue(equipment, out var unit))
                _units[equipment] = unit = new Unit();
            if (unit.Version != versionRead)
                return;
            unit.Periods[(Key(windows), rates)] = (windows.Max(w => w.End), figures);
            if (now >= _nextPrune)
            {
                _nextPrune = now.AddHours(1);
                foreach (var each in _units.Values)
                    foreach (var old in each.Periods.Where(p => p.Value.End < now - KeptFor).Select(p => p.Key).ToList())
                        each.Periods.Remove(old);
            }
        }
    }

    private void OnCommitted(CommittedChanges changes)
    {
        if (changes.HistoryChanged.Count == 0)
            return;
        lock (_lock)
        {
            foreach (var (equipment, from) in changes.HistoryChanged)
            {
                if (!_units.TryGetValue(equipment, out var unit))
                    _units[equipment] = unit = new Unit();
                unit.Version++;
                foreach (var stale in unit.Periods.Where(p => p.Value.End >= from).Select(p => p.Key).ToList())
                    unit.Periods.Remove(stale);
            }
        }
    }

    private static string Key(IReadOnlyList<PlannedWindow> windows) => string.Join(';', windows.Select(w => $"{w.Start.UtcTicks}-{w.End.UtcTicks}"));

    public void Dispose() => _subscription.Dispose();
}
