using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Domain.Alerts;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Web.Tests.Alerts;

/// <summary>Test shorthand: an alert stored as the ingest would store it, each with its own message so tests find their own.</summary>
internal static class TestAlerts
{
    public static async Task<Alert> RaiseAsync(IServiceProvider services, string source = "TP-01", bool cleared = false, AlertKind kind = AlertKind.EquipmentDown)
    {
        var now = DateTimeOffset.UtcNow;
        var alert = new Alert(kind, source, $"{source} is Down: test {Guid.NewGuid():N}", now);
        if (cleared)
            alert.Clear(now.AddSeconds(1));
        await using var db = await services.GetRequiredService<IDbContextFactory<MesDbContext>>().CreateDbContextAsync();
        db.Alerts.Add(alert);
        await db.SaveChangesAsync();
        return alert;
    }
}
