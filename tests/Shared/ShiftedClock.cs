namespace PharmaMes.Testing;

/// <summary>
/// The real clock moved to a chosen time of day (UTC) of today, running at real speed: for tests whose outcome depends
/// on the plant's shifts and breaks, so that they answer the same at any hour they run.
/// </summary>
public sealed class ShiftedClock(TimeOnly timeOfDay) : TimeProvider
{
    private readonly TimeSpan _offset = DateOnly.FromDateTime(DateTime.UtcNow).ToDateTime(timeOfDay, DateTimeKind.Utc) - DateTime.UtcNow;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
}
