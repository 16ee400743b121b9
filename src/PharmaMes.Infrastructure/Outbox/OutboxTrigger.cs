using PharmaMes.Infrastructure.Live;
using Hangfire;
using Microsoft.Extensions.Hosting;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Outbox;

/// <summary>
/// Starts a dispatcher run as soon as a commit writes outbox messages, so the ERP hears of a change
/// within moments. Bursts of commits ask for one run, not one each: a run is queued only when none
/// is waiting to start.
/// </summary>
public sealed class OutboxTrigger(LiveEvents feed, IBackgroundJobClient jobs) : IHostedService
{
    private int _queued;
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The node that wrote the message asks for the run; the job storage is shared, so any node may run it.
        _subscription = feed.Subscribe<CommittedChanges>(OnCommitted, LiveEventScope.ThisNode);
        // Whatever was left undelivered before a restart goes out now, not at the next minute.
        RequestRun();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void RequestRun()
    {
        if (Interlocked.Exchange(ref _queued, 1) == 0)
            jobs.Enqueue<OutboxDispatcher>(d => d.DrainAsync(CancellationToken.None));
    }

    /// <summary>Called by the run as it starts reading: later commits need a run of their own.</summary>
    internal void Reset() => Interlocked.Exchange(ref _queued, 0);

    private void OnCommitted(CommittedChanges changes)
    {
        if (changes.OutboxWritten)
            RequestRun();
    }
}
