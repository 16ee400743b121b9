using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Production;

/// <summary>
/// Where a dispensed weight came from: the booth's scale (which one, and its calibration) or the keyboard. A weight
/// typed where a scale is configured needs its reason; the record says which it was, so a reviewer knows what to trust.
/// </summary>
public sealed record Weighing
{
    public const int ReasonMaxLength = 200;

    public bool FromScale { get; }
    public string? Scale { get; }
    public DateOnly? ScaleCalibratedUntil { get; }
    public string? TypedReason { get; }

    private Weighing(bool fromScale, string? scale, DateOnly? calibratedUntil, string? typedReason) =>
        (FromScale, Scale, ScaleCalibratedUntil, TypedReason) = (fromScale, scale, calibratedUntil, typedReason);

    /// <summary>Taken from the scale's live reading.</summary>
    public static Weighing ByScale(string scale, DateOnly? calibratedUntil) =>
        new(true, Guard.Text(scale, "The scale", 80), calibratedUntil, null);

    /// <summary>Typed by the operator; where a scale is configured, <paramref name="reason"/> is required.</summary>
    public static Weighing Typed(string? reason, bool scaleConfigured)
    {
        var why = Guard.OptionalText(reason, "The reason for typing the weight", ReasonMaxLength);
        if (scaleConfigured && why is null)
            throw new DomainException("This booth has a scale: take its reading, or say why the weight is typed (e.g. scale out of order, weighed on a reference balance).");
        return new Weighing(false, null, null, why);
    }

    public string Describe() => FromScale
        ? $"weighed on the {Scale} scale{(ScaleCalibratedUntil is { } until ? $" (calibrated until {until:yyyy-MM-dd})" : "")}"
        : TypedReason is null ? "typed" : $"typed: {TypedReason}";
}
