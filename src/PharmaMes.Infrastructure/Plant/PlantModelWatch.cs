using PharmaMes.Infrastructure.Live;
using Microsoft.Extensions.Hosting;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Plant;

/// <summary>
/// Makes the ingest forget its cached plant as soon as a plant change commits, so a device that
/// publishes to equipment created a moment ago is accepted rather than quarantined as unknown.
/// The live cache needs nothing: it adds an equipment with its first accepted message.
/// </summary>
internal sealed class PlantModelWatch(LiveEvents feed, PlantDirectory directory) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Every node forgets its cached plant, whichever node changed it.
        _subscription = feed.Subscribe<CommittedChanges>(OnCommitted);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private void OnCommitted(CommittedChanges changes)
    {
        if (changes.PlantChanged)
            directory.Invalidate();
    }
}
