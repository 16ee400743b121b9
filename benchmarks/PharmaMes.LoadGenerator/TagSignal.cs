namespace PharmaMes.LoadGenerator;

/// <summary>
/// A plausible process value: a random walk pulled back towards its target, so values stay
/// near the target (inside any normal range a test sets around it) yet change every message.
/// </summary>
internal sealed class TagSignal(double target)
{
    private const double PullBack = 0.05;
    private const double RelativeNoise = 0.005;

    private double _value = target;

    public double Target { get; } = target;

    public double Next(Random random)
    {
        var noise = (random.NextDouble() - 0.5) * 2 * RelativeNoise * Math.Max(1, Math.Abs(Target));
        _value += (Target - _value) * PullBack + noise;
        // Three decimals keep payloads short and are more than a sensor's precision.
        return Math.Round(_value, 3);
    }
}
