using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// Reads a captured process parameter from the stored telemetry of the equipment running its step:
/// the latest reading (when recent enough), or the lowest, highest or mean reading since the step
/// started. Says plainly why nothing can be captured, so the operator knows to type it with a reason.
/// </summary>
public sealed class TelemetryCapture(IOptions<ValueCaptureOptions> options)
{
    public TimeSpan MaxReadingAge => TimeSpan.FromSeconds(options.Value.MaxReadingAgeSeconds);

    public async Task<CapturedReading> ReadAsync(MesDbContext db, BatchStep step, BatchStepValue value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (value.CaptureTag is not { } tag)
            throw new DomainException($"{value.Name} is not captured from equipment: type it.");
        if (step.EquipmentCode is not { } code || step.StartedAt is not { } started)
            throw new DomainException($"{step.Label} runs on no equipment: there is nothing to capture {value.Name} from. Type it with a reason.");
        var equipmentId = await db.Equipment.AsNoTracking().Where(e => e.Code == code).Select(e => e.Id).SingleAsync(cancellationToken);
        var channel = await db.TelemetryChannels.AsNoTracking().Where(c => c.EquipmentId == equipmentId && c.Tag == tag.Value)
            .Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException($"{code} has never reported {tag}: {value.Name} cannot be captured. Type it with a reason.");

        if (value.CaptureMode == CaptureMode.AtRecording)
        {
            var latest = await db.TelemetrySamples.AsNoTracking().Where(s => s.ChannelId == channel && s.Time <= now)
                .OrderByDescending(s => s.Time).Select(s => new { s.Time, s.Value }).FirstOrDefaultAsync(cancellationToken);
            if (latest is null || now - latest.Time > MaxReadingAge)
                throw new DomainException(latest is null
                    ? $"{code} has not reported {tag} yet: {value.Name} cannot be captured. Type it with a reason."
                    : $"The latest reading of {code} {tag} is from {latest.Time.UtcDateTime:HH:mm:ss} UTC, more than {MaxReadingAge.TotalSeconds:0} s ago: " +
                      "the device may be offline. Type the value with a reason.");
            return new CapturedReading(code, tag, CaptureMode.AtRecording, latest.Value, latest.Time, latest.Time, 1);
        }

        // Streamed, not loaded: a long step (a two-week culture) has more than a million readings.
        var (count, min, max, sum) = (0, double.MaxValue, double.MinValue, 0.0);
        DateTimeOffset first = default, last = default;
        await foreach (var sample in db.TelemetrySamples.AsNoTracking().Where(s => s.ChannelId == channel && s.Time >= started && s.Time <= now)
                           .OrderBy(s => s.Time).Select(s => new { s.Time, s.Value }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (count == 0)
                first = sample.Time;
            last = sample.Time;
            count++;
            min = Math.Min(min, sample.Value);
            max = Math.Max(max, sample.Value);
            sum += sample.Value;
        }
        if (count == 0)
            throw new DomainException(
                $"{code} has reported no {tag} since {step.Label} started at {started.UtcDateTime:HH:mm} UTC: {value.Name} cannot be captured. Type it with a reason.");
        var result = value.CaptureMode switch
        {
            CaptureMode.StepMinimum => min,
            CaptureMode.StepMaximum => max,
            _ => sum / count,
        };
        return new CapturedReading(code, tag, value.CaptureMode, result, first, last, count);
    }
}
