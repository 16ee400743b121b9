namespace PharmaMes.Domain.Performance;

/// <summary>
/// The six big losses (Nakajima), in seconds of planned time: breakdowns (Down stops), setup and adjustments
/// (every other stop: changeover, cleaning, waiting, holds, and time without data), small stops (any stop
/// shorter than the threshold), reduced speed (run time beyond what the count needed at the ideal rate), and
/// start-up and production rejects (the time their units took at the ideal rate).
/// </summary>
public sealed record SixBigLosses(double Breakdowns, double SetupAndAdjustments, double SmallStops, double ReducedSpeed,
    double StartUpRejects, double ProductionRejects);
