using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WorkOrders.Maintenance.Persistence;

/// <summary>Stores a <see cref="DateTimeOffset"/> as its UTC ticks, so it orders and compares as a number.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
