using Hangfire;
using Microsoft.Extensions.Hosting;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Outbox;

/// <summary>
/// Starts a dispatcher run as soon as a commit writes outbox messages, so the ERP hears of a change
/// within moments. Bursts of commits ask for one run, not one each: a run is queued only when none
/// is waiting to start.
/// </summary>
public sealed class OutboxTrigger(CommitFeed feed, IBackgroundJobClient jobs) : IHostedService
{
    private int _queued;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        feed.Committed += OnCommitted;
        // Whatever was left undelivered before a restart goes out now, not at the next minute.
        RequestRun();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        feed.Committed -= OnCommitted;
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
