using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Upkeep;

namespace PharmaMes.Infrastructure.Demo;

/// <summary>
/// The demo plant's preventive maintenance programme: a few tasks such units really get, due so that one
/// preventive work order is open when the demo starts and others come due while it runs.
/// </summary>
internal static class DemoMaintenancePlans
{
    public static IEnumerable<MaintenancePlan> Build(Site site, DateOnly today)
    {
        var units = site.Areas.SelectMany(a => a.Lines).SelectMany(l => l.Equipment).ToDictionary(e => e.Code.Value);
        yield return new MaintenancePlan(units["COAT-01"], "Inspect and clean the spray guns, replace the atomising air filter", 30, today.AddDays(1));
        yield return new MaintenancePlan(units["TP-01"], "Inspect punches and dies for wear, lubricate the turret and cam tracks", 30, today.AddDays(9));
        yield return new MaintenancePlan(units["GRAN-01"], "Replace the impeller and chopper shaft seals", 90, today.AddDays(12));
        yield return new MaintenancePlan(units["FILL-01"], "Replace the filling needle O-rings, check the peristaltic tubing", 60, today.AddDays(20));
        yield return new MaintenancePlan(units["BR-01"], "Replace the agitator mechanical seal and check the sparger", 180, today.AddDays(40));
    }
}
