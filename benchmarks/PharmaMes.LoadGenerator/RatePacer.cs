using System.Diagnostics;

namespace PharmaMes.LoadGenerator;

/// <summary>
/// Paces a publish loop to a total rate. It computes from the Stopwatch how many messages are
/// due since the start and lets the loop send them as a small burst, then sleeps about a
/// millisecond. One Task.Delay per message would cap the rate near 1,000/s (timer granularity);
/// counting against absolute time keeps the average exact at 2,000–20,000/s and never drifts.
/// </summary>
internal sealed class RatePacer
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(1);

    private readonly double _messagesPerSecond;
    private readonly Stopwatch _clock;

    /// <param name="messagesPerSecond">0 = unpaced.</param>
    public RatePacer(double messagesPerSecond, Stopwatch clock)
    {
        _messagesPerSecond = messagesPerSecond;
        _clock = clock;
    }

    public bool IsPaced => _messagesPerSecond > 0;

    /// <summary>How many messages should have been sent by now (counting the one at time zero).</summary>
    public long Due() => IsPaced ? (long)(_clock.Elapsed.TotalSeconds * _messagesPerSecond) + 1 : long.MaxValue;

    /// <summary>Sleeps until the message after <paramref name="sent"/> is due (at least one slice, so the loop does not spin).</summary>
    public Task WaitForNextAsync(long sent, CancellationToken cancellationToken)
    {
        var nextAt = TimeSpan.FromSeconds(sent / _messagesPerSecond);
        var wait = nextAt - _clock.Elapsed;
        return Task.Delay(wait > Slice ? wait : Slice, cancellationToken);
    }
}
