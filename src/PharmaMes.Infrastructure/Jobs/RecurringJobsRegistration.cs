using Hangfire;
using Microsoft.Extensions.Hosting;
using PharmaMes.Infrastructure.Outbox;

namespace PharmaMes.Infrastructure.Jobs;

/// <summary>The recurring jobs, (re)declared at every start so their schedule is the code's.</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager recurring) : IHostedService
{
    public const string OutboxSafetyNet = "erp-outbox";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A run is started by each commit and each due retry; this one catches anything a lost signal left behind.
        recurring.AddOrUpdate<OutboxDispatcher>(OutboxSafetyNet, d => d.DrainAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
