using Hangfire;
using Microsoft.Extensions.Hosting;
using PharmaMes.Infrastructure.Maintenance;
using PharmaMes.Infrastructure.Materials;
using PharmaMes.Infrastructure.Outbox;

namespace PharmaMes.Infrastructure.Jobs;

/// <summary>The recurring jobs, (re)declared at every start so their schedule is the code's.</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager recurring) : IHostedService
{
    public const string OutboxSafetyNet = "erp-outbox";
    public const string LotExpiry = "lot-expiry";
    public const string PreventiveMaintenance = "preventive-maintenance";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A run is started by each commit and each due retry; this one catches anything a lost signal left behind.
        recurring.AddOrUpdate<OutboxDispatcher>(OutboxSafetyNet, d => d.DrainAsync(CancellationToken.None), Cron.Minutely());
        // Just after midnight UTC: a lot is good through its expiry date and expired from the next day.
        recurring.AddOrUpdate<LotExpiryJob>(LotExpiry, j => j.RunAsync(CancellationToken.None), "5 0 * * *");
        // Hourly, and once now: a plan that fell due while the MES was off gets its work order at start.
        recurring.AddOrUpdate<WorkOrderService>(PreventiveMaintenance, s => s.RaiseDuePreventiveAsync(CancellationToken.None), Cron.Hourly());
        recurring.Trigger(PreventiveMaintenance);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
