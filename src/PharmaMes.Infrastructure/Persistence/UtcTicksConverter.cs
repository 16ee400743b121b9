using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PharmaMes.Infrastructure.Persistence;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> in SQLite and PostgreSQL as its UTC ticks, so that the database orders
/// and compares instants. (EF's DateTimeOffsetToBinaryConverter packs the local clock time, which
/// sorts 12:00+05:00 after 08:00Z.) Values come back in UTC, as the domain keeps them.
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
