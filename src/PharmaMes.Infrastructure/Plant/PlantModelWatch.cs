using Microsoft.Extensions.Hosting;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Plant;

/// <summary>
/// Makes the ingest forget its cached plant as soon as a plant change commits, so a device that
/// publishes to equipment created a moment ago is accepted rather than quarantined as unknown.
/// The live cache needs nothing: it adds an equipment with its first accepted message.
/// </summary>
internal sealed class PlantModelWatch(CommitFeed feed, PlantDirectory directory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        feed.Committed += OnCommitted;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        feed.Committed -= OnCommitted;
        return Task.CompletedTask;
    }

    private void OnCommitted(CommittedChanges changes)
    {
        if (changes.PlantChanged)
            directory.Invalidate();
    }
}
