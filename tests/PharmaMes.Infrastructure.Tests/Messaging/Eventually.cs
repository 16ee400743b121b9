using System.Diagnostics;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>
/// Waits for something the pipeline does in the background: reads again until the condition holds
/// or the time is up, and returns the last reading so the test asserts on what was really there.
/// </summary>
public static class Eventually
{
    // Generous: it returns as soon as the condition holds, and a loaded CI machine can be slow.
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> until, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (until(value) || clock.Elapsed > (timeout ?? DefaultTimeout))
                return value;
            await Task.Delay(Interval);
        }
    }

    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        await GetAsync(() => Task.FromResult(condition()), done => done, timeout);
}
