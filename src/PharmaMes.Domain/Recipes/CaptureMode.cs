namespace PharmaMes.Domain.Recipes;

/// <summary>
/// How a process parameter is taken from the telemetry of the equipment running its step, when its
/// recipe entry names a tag: the reading at the moment of recording, or the lowest, highest or mean
/// reading since the step started.
/// </summary>
public enum CaptureMode
{
    AtRecording,
    StepMinimum,
    StepMaximum,
    StepMean,
}
