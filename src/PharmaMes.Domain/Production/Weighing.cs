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
    /// <summary>The scale's reading with the material in its container; null when not taken.</summary>
    public decimal? Gross { get; }
    /// <summary>The container's weight, zeroed before filling; null when not taken.</summary>
    public decimal? Tare { get; }
    /// <summary>Whether the reading had settled when it was taken; null when the scale's stability is unknown.</summary>
    public bool? Stable { get; }

    private Weighing(bool fromScale, string? scale, DateOnly? calibratedUntil, string? typedReason, decimal? gross = null, decimal? tare = null, bool? stable = null) =>
        (FromScale, Scale, ScaleCalibratedUntil, TypedReason, Gross, Tare, Stable) = (fromScale, scale, calibratedUntil, typedReason, gross, tare, stable);

    /// <summary>Taken from the scale's live reading.</summary>
    public static Weighing ByScale(string scale, DateOnly? calibratedUntil) =>
        new(true, Guard.Text(scale, "The scale", 80), calibratedUntil, null);

    /// <summary>Taken from the scale: gross with the container, its tare, and whether the reading was stable; net = gross − tare.</summary>
    public static Weighing ByScale(string scale, DateOnly? calibratedUntil, decimal gross, decimal tare, bool stable)
    {
        if (tare < 0)
            throw new DomainException("A tare cannot be negative.");
        if (gross <= tare)
            throw new DomainException($"The gross weight {gross} must be more than the tare {tare}: nothing is in the container.");
        return new(true, Guard.Text(scale, "The scale", 80), calibratedUntil, null, gross, tare, stable);
    }

    /// <summary>Net = gross − tare, when both were taken.</summary>
    public decimal? Net => Gross - Tare;

    /// <summary>Typed by the operator; where a scale is configured, <paramref name="reason"/> is required.</summary>
    public static Weighing Typed(string? reason, bool scaleConfigured)
    {
        var why = Guard.OptionalText(reason, "The reason for typing the weight", ReasonMaxLength);
        if (scaleConfigured && why is null)
            throw new DomainException("This booth has a scale: take its reading, or say why the weight is typed (e.g. scale out of order, weighed on a reference balance).");
        return new Weighing(false, null, null, why);
    }

    public string Describe()
    {
        if (!FromScale)
            return TypedReason is null ? "typed" : $"typed: {TypedReason}";
        var text = $"weighed on the {Scale} scale{(ScaleCalibratedUntil is { } until ? $" (calibrated until {until:yyyy-MM-dd})" : "")}";
        if (Gross is { } gross && Tare is { } tare)
            text += $": gross {Recipes.Canonical.Number(gross)}, tare {Recipes.Canonical.Number(tare)}, net {Recipes.Canonical.Number(gross - tare)}";
        return Stable switch
        {
            true => text + ", stable",
            false => text + ", reading NOT stable",
            _ => text,
        };
    }
}
