using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Web.Observability;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Hubs;

/// <summary>
/// <c>/hubs/plant</c> for external clients (docs/signalr-hub.md). Every connection receives
/// <c>EquipmentStateChanged</c> and the alert events; <c>TelemetryUpdated</c> only for the
/// equipment and lines it subscribed to.
/// </summary>
[Authorize(Policy = Policies.PlantReader)]
public sealed class PlantHub(PlantDirectory directory, HubConnections connections, HubInstruments instruments) : Hub
{
    public override Task OnConnectedAsync()
    {
        connections.Opened(Context);
        instruments.Connected();
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Closed(Context.ConnectionId);
        instruments.Disconnected();
        return base.OnDisconnectedAsync(exception);
    }

    public const string Path = "/hubs/plant";

    public static string EquipmentGroup(string code) => "equipment:" + code.ToUpperInvariant();
    public static string LineGroup(string code) => "line:" + code.ToUpperInvariant();

    public async Task SubscribeEquipment(string code)
    {
        var plant = await directory.GetAsync(Context.ConnectionAborted);
        if (!plant.ByCode.ContainsKey(code ?? ""))
            throw new HubException($"There is no equipment with the code '{code}'.");
        await Groups.AddToGroupAsync(Context.ConnectionId, EquipmentGroup(code!));
    }

    public async Task UnsubscribeEquipment(string code) =>
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, EquipmentGroup(code ?? ""));

    public async Task SubscribeLine(string code)
    {
        var plant = await directory.GetAsync(Context.ConnectionAborted);
        if (!plant.ByCode.Values.Any(e => string.Equals(e.Line, code, StringComparison.OrdinalIgnoreCase)))
            throw new HubException($"There is no line with the code '{code}'.");
        await Groups.AddToGroupAsync(Context.ConnectionId, LineGroup(code!));
    }

    public async Task UnsubscribeLine(string code) =>
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LineGroup(code ?? ""));
}
