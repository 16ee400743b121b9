using PharmaMes.Domain.Recipes;

namespace PharmaMes.Infrastructure.Recipes;

/// <summary>
/// A set point of a step with its limits; the target must lie within them. With a <see cref="CaptureTag"/>,
/// the value is captured from that tag of the step's equipment as <see cref="Capture"/> says, not typed.
/// </summary>
public sealed record ProcessParameterInput(string? Name, string? Unit, double Target, double Low, double High,
    string? CaptureTag = null, CaptureMode Capture = CaptureMode.AtRecording);
