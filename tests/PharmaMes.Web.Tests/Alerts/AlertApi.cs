using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace PharmaMes.Web.Tests.Alerts;

/// <summary>Alerts over HTTP: listed while not back to normal, acknowledged once by the people who look after equipment, announced on the hub.</summary>
public class AlertApi(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    [Fact]
    public async Task AnOperatorAcknowledgesAnActiveAlertWithACommentAndTheListShowsItAcknowledged()
    {
        var operatorClient = await factory.SignedInAsync("operator");
        var alert = await TestAlerts.RaiseAsync(factory.Services);

        var response = await operatorClient.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { comment = "Maintenance called" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var acknowledged = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(alert.Id, acknowledged.GetProperty("id").GetGuid());
        Assert.Equal(("ActiveAcknowledged", "operator", "Olga Petrova", "Maintenance called"),
            (acknowledged.GetProperty("state").GetString(), acknowledged.GetProperty("acknowledgedBy").GetString(),
                acknowledged.GetProperty("acknowledgedByName").GetString(), acknowledged.GetProperty("acknowledgementComment").GetString()));
        var listed = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/alerts?state=ActiveAcknowledged");
        Assert.Contains(listed.EnumerateArray(), a => a.GetProperty("id").GetGuid() == alert.Id);
        var unacknowledged = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/alerts?state=activeunacknowledged");
        Assert.DoesNotContain(unacknowledged.EnumerateArray(), a => a.GetProperty("id").GetGuid() == alert.Id);
    }

    [Fact]
    public async Task ASecondAcknowledgementIsAConflictNamingTheFirstAndAnUnknownAlertIsNotFound()
    {
        var qa = await factory.SignedInAsync("qa");
        var maintenance = await factory.SignedInAsync("maintenance");
        var alert = await TestAlerts.RaiseAsync(factory.Services, "BR-01", cleared: true);
        Assert.Equal(HttpStatusCode.OK, (await qa.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { })).StatusCode);

        var again = await maintenance.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { comment = "Me too" });
        var unknown = await maintenance.PostAsJsonAsync($"/api/v1/alerts/{Guid.NewGuid()}/acknowledge", new { });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var conflict = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(409, conflict.GetProperty("status").GetInt32());
        Assert.StartsWith("This alert was already acknowledged by Quinn Andersen at ", conflict.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("No such alert", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var normal = await qa.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{alert.Id}");
        Assert.Equal(("Normal", "qa"), (normal.GetProperty("state").GetString(), normal.GetProperty("acknowledgedBy").GetString()));
        Assert.DoesNotContain((await qa.GetFromJsonAsync<JsonElement>("/api/v1/alerts")).EnumerateArray(), a => a.GetProperty("id").GetGuid() == alert.Id);
    }

    [Fact]
    public async Task ClearedUnacknowledgedAlertsAreListedAndABadStateFilterIsAProblem()
    {
        var planner = await factory.SignedInAsync("planner");
        var alert = await TestAlerts.RaiseAsync(factory.Services, "GR-01", cleared: true);

        var all = await planner.GetFromJsonAsync<JsonElement>("/api/v1/alerts");
        var bad = await planner.GetAsync("/api/v1/alerts?state=Shelved");

        Assert.Equal("ClearedUnacknowledged", all.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == alert.Id).GetProperty("state").GetString());
        var ofOtherUnit = await planner.GetFromJsonAsync<JsonElement>("/api/v1/alerts?source=TP-01");
        Assert.DoesNotContain(ofOtherUnit.EnumerateArray(), a => a.GetProperty("id").GetGuid() == alert.Id);
        Assert.Contains((await planner.GetFromJsonAsync<JsonElement>("/api/v1/alerts?source=gr-01")).EnumerateArray(), a => a.GetProperty("id").GetGuid() == alert.Id);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("state", out _));
    }

    [Fact]
    public async Task PlannersAndMachineClientsReadAlertsButDoNotAcknowledgeThem()
    {
        var planner = await factory.SignedInAsync("planner");
        var machine = factory.CreateClient();
        machine.DefaultRequestHeaders.Add("X-Api-Key", MesWebFactory.ApiKey);
        var alert = await TestAlerts.RaiseAsync(factory.Services);

        Assert.Equal(HttpStatusCode.Forbidden, (await planner.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await machine.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/v1/alerts")).StatusCode);
        var stillOpen = await planner.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{alert.Id}");
        Assert.Equal("ActiveUnacknowledged", stillOpen.GetProperty("state").GetString());
    }

    [Fact]
    public async Task HubClientsHearOfTheAcknowledgement()
    {
        var supervisor = await factory.SignedInAsync("supervisor");
        var alert = await TestAlerts.RaiseAsync(factory.Services, "BR-01", kind: Domain.Alerts.AlertKind.Excursion);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/plant"), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.Headers["X-Api-Key"] = MesWebFactory.ApiKey;
            })
            .Build();
        var heard = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("AlertAcknowledged", e =>
        {
            if (e.GetProperty("id").GetGuid() == alert.Id)
                heard.TrySetResult(e);
        });
        await hub.StartAsync();

        await supervisor.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { comment = "Cooling checked" });
        var e = await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(("Excursion", "BR-01", "ActiveAcknowledged", "Samuel Okafor", "Cooling checked"),
            (e.GetProperty("kind").GetString(), e.GetProperty("source").GetString(), e.GetProperty("state").GetString(),
                e.GetProperty("acknowledgedByName").GetString(), e.GetProperty("comment").GetString()));
    }
}
