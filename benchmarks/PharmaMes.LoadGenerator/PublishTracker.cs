using MQTTnet;

namespace PharmaMes.LoadGenerator;

/// <summary>
/// The in-flight window: at most N publishes outstanding, each counted once as acknowledged
/// or failed when it completes. Pipelining QoS 1 publishes instead of awaiting each PUBACK is
/// what lets one client go beyond ~10,000 msg/s; the bound keeps the broker's queues finite.
/// </summary>
internal sealed class PublishTracker(int window, bool countAcknowledgements)
{
    // Never disposed: late completions may still release after a run gave up on them,
    // and a SemaphoreSlim without a wait handle holds nothing to free.
    private readonly SemaphoreSlim _slots = new(window, window);
    private long _outstanding;
    private long _acknowledged;
    private long _failed;
    private long _noMatchingSubscribers;
    private string? _firstError;

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public long Failed => Interlocked.Read(ref _failed);

    public long NoMatchingSubscribers => Interlocked.Read(ref _noMatchingSubscribers);

    public string? FirstError => Volatile.Read(ref _firstError);

    /// <summary>Waits for a free slot in the window.</summary>
    public Task EnterAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

    /// <summary>Takes over a started publish; its outcome is counted when it completes.</summary>
    public void Track(Task<MqttClientPublishResult> publish)
    {
        Interlocked.Increment(ref _outstanding);
        _ = CompleteAsync(publish);
    }

    /// <summary>A publish that never started (the client threw synchronously); releases its slot.</summary>
    public void FailBeforeStart(Exception exception)
    {
        Fail(exception.Message);
        _slots.Release();
    }

    /// <summary>Waits until every tracked publish has completed; false when the timeout came first.</summary>
    public async Task<bool> DrainAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var taken = 0;
        try
        {
            for (; taken < window; taken++)
                await _slots.WaitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            if (taken > 0)
                _slots.Release(taken);
        }
    }

    /// <summary>Counts publishes still outstanding after the last drain as failed, so Sent = Acknowledged + Failed holds.</summary>
    public void FailOutstanding(string reason)
    {
        var left = Interlocked.Exchange(ref _outstanding, 0);
        if (left <= 0)
            return;
        Interlocked.Add(ref _failed, left);
        Interlocked.CompareExchange(ref _firstError, reason, null);
    }

    private async Task CompleteAsync(Task<MqttClientPublishResult> publish)
    {
        try
        {
            var result = await publish.ConfigureAwait(false);
            // Skip it if FailOutstanding already counted it at the end of the run.
            if (Interlocked.Decrement(ref _outstanding) < 0)
                return;
            if (!result.IsSuccess)
            {
                Interlocked.Increment(ref _failed);
                Interlocked.CompareExchange(ref _firstError, $"publish refused: {result.ReasonCode} {result.ReasonString}".TrimEnd(), null);
                return;
            }
            if (countAcknowledgements)
                Interlocked.Increment(ref _acknowledged);
            if (result.ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers)
                Interlocked.Increment(ref _noMatchingSubscribers);
        }
        catch (Exception ex)
        {
            if (Interlocked.Decrement(ref _outstanding) >= 0)
                Fail(ex.Message);
        }
        finally
        {
            _slots.Release();
        }
    }

    private void Fail(string message)
    {
        Interlocked.Increment(ref _failed);
        Interlocked.CompareExchange(ref _firstError, message, null);
    }
}
