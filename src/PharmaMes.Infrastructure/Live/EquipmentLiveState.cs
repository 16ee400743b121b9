using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Live;

/// <summary>What is known now about one equipment: state, latest value per tag, a short history for sparklines.</summary>
public sealed class EquipmentLiveState(string code, string lineCode)
{
    public const int SparklinePoints = 60;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, TagLiveValue> _latest = [];
    private readonly Dictionary<string, Queue<TagLiveValue>> _recent = [];

    public string Code { get; } = code;
    public string LineCode { get; } = lineCode;
    public EquipmentState? State { get; private set; }
    public DateTimeOffset? StateSince { get; private set; }
    public string? StateReason { get; private set; }
    public DateTimeOffset? LastMessageAt { get; private set; }

    public void SetState(EquipmentState state, DateTimeOffset since, string? reason)
    {
        lock (_gate)
        {
            State = state;
            StateSince = since;
            StateReason = reason;
        }
    }

    public void Record(string tag, double value, DateTimeOffset at)
    {
        lock (_gate)
        {
            var reading = new TagLiveValue(value, at);
            if (!_latest.TryGetValue(tag, out var latest) || latest.At <= at)
                _latest[tag] = reading;
            if (!_recent.TryGetValue(tag, out var queue))
                _recent[tag] = queue = new Queue<TagLiveValue>(SparklinePoints);
            if (queue.Count == SparklinePoints)
                queue.Dequeue();
            queue.Enqueue(reading);
        }
    }

    public void Touched(DateTimeOffset at)
    {
        lock (_gate)
        {
            if (LastMessageAt is null || at > LastMessageAt)
                LastMessageAt = at;
        }
    }

    public IReadOnlyDictionary<string, TagLiveValue> Latest()
    {
        lock (_gate)
            return new Dictionary<string, TagLiveValue>(_latest);
    }

    public IReadOnlyList<TagLiveValue> Recent(string tag)
    {
        lock (_gate)
            return _recent.TryGetValue(tag, out var queue) ? queue.ToArray() : [];
    }
}
