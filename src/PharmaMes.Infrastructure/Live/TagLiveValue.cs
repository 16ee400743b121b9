namespace PharmaMes.Infrastructure.Live;

public readonly record struct TagLiveValue(double Value, DateTimeOffset At);
