using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Components.Server.Circuits;
using PharmaMes.Infrastructure.Observability;

namespace PharmaMes.Web.Observability;

/// <summary>
/// Open Blazor circuits: each is a screen held open by someone, with its memory on the server.
/// One handler for the whole app (a singleton), as it only moves a counter.
/// </summary>
public sealed class CircuitCounter : CircuitHandler
{
    private readonly UpDownCounter<int> _circuits;

    public CircuitCounter(IMeterFactory meters)
    {
        _circuits = meters.Create(MesMeters.Name).CreateUpDownCounter<int>("pharmames.blazor.circuits", "{circuit}",
            "Open Blazor Server circuits (interactive screens held open in a browser).");
    }

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _circuits.Add(1);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _circuits.Add(-1);
        return Task.CompletedTask;
    }
}
