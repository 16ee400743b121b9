using Microsoft.AspNetCore.Components;
using PharmaMes.Infrastructure.Live;

namespace PharmaMes.Web.Components.Shared;

/// <summary>
/// A screen that follows the live plant (telemetry, states, alarms) from the live cache, which holds the latest values over
/// the stored ones; it re-renders at most a few times a second, however fast data arrives.
/// </summary>
public abstract class LivePlantComponent : LiveComponent
{
    [Inject]
    protected LivePlant Live { get; set; } = default!;

    /// <summary>Whether an event concerns this screen.</summary>
    protected virtual bool Concerns(TelemetryUpdated update) => true;
    protected virtual bool Concerns(EquipmentStateChanged change) => true;

    protected override void OnInitialized()
    {
        Follow<TelemetryUpdated>(Concerns);
        Follow<EquipmentStateChanged>(Concerns);
        Follow<AlertRaised>();
    }
}
