using System.Globalization;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>An engineer follows one equipment's trends and the ingest path while a device publishes.</summary>
public class EngineeringScreens(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    private static string At(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AMonitoringAgentOnTheMachineItselfScrapesMetricsWithoutAnAccount()
    {
        await using var device = await DeviceClient.ConnectAsync(app.BrokerPort);
        await device.PublishAsync("mes/PLANT1/OSD/OSD-L1/TP-02/telemetry", $"{{\"ts\":\"{At(DateTimeOffset.UtcNow.AddSeconds(-1))}\",\"values\":{{\"speed\":2500}}}}");
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        var until = DateTime.UtcNow.AddSeconds(30);
        string text;
        do
        {
            using var response = await http.GetAsync("/metrics");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
        }
        while (!System.Text.RegularExpressions.Regex.IsMatch(text, @"^pharmames_ingest_stored\S* [1-9]", System.Text.RegularExpressions.RegexOptions.Multiline) && DateTime.UtcNow < until);

        Assert.Matches(@"(?m)^pharmames_ingest_stored\S* [1-9]", text);
        Assert.Contains("kestrel_active_connections", text);
    }

    [Fact]
    public async Task AScreenOpenInABrowserIsCountedAsAnOpenCircuit()
    {
        var page = await chromium.SignInAsync(app, "maintenance");
        await page.GotoAsync(new Uri(app.BaseAddress, "/ingest").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        var until = DateTime.UtcNow.AddSeconds(30);
        string text;
        do
        {
            text = await http.GetStringAsync("/metrics");
            if (System.Text.RegularExpressions.Regex.IsMatch(text, @"(?m)^pharmames_blazor_circuits\S* [1-9]"))
                break;
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < until);

        Assert.Matches(@"(?m)^pharmames_blazor_circuits\S* [1-9]", text);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheEquipmentPageDrawsTrendsWithLimitsAndListsTheExcursion()
    {
        await using var device = await DeviceClient.ConnectAsync(app.BrokerPort);
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        for (var i = 0; i < 60; i++)
        {
            // Ten minutes of readings; around minute six the culture runs hot for a while.
            var temperature = i is >= 35 and < 40 ? 37.8 + i % 3 * 0.1 : 37.0 + Math.Sin(i / 5.0) * 0.1;
            await device.PublishAsync("mes/PLANT1/BIO/BIO-L1/BR-01/telemetry",
                $"{{\"ts\":\"{At(start.AddSeconds(i * 10))}\",\"values\":{{\"temperature\":{temperature.ToString(CultureInfo.InvariantCulture)},\"ph\":7.1,\"dissolved_oxygen\":45,\"agitation\":110}}}}");
        }

        var page = await chromium.SignInAsync(app, "qa");
        await page.GotoAsync(new Uri(app.BaseAddress, "/equipment/BR-01").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        var excursions = page.Locator("[data-testid=excursions] tbody tr");
        await excursions.First.WaitForAsync(new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "equipment-br01", fullPage: true);

        Assert.Equal(4, await page.Locator("figure.mes-trend").CountAsync());
        Assert.True(await page.Locator("figure.mes-trend[data-tag='temperature'] polyline.mes-trend-line").CountAsync() == 1);
        Assert.True(await page.Locator("figure.mes-trend[data-tag='temperature'] circle.mes-trend-out").CountAsync() >= 5);
        Assert.Contains("Culture temperature", await excursions.First.TextContentAsync());
        Assert.Contains("above 37.5", await excursions.First.TextContentAsync());

        // A past range chosen by hand: an hour before the readings, nothing happened.
        var earlier = start.AddHours(-2).UtcDateTime;
        await page.FillAsync("#range-from", earlier.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.FillAsync("#range-to", earlier.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.ClickAsync("form.mes-range-custom button[type=submit]");
        await page.GetByText("No value went past its alarm limits in this range.").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Contains("No readings in this range", await page.Locator("figure.mes-trend[data-tag='temperature']").InnerHTMLAsync());
    }

    [Fact]
    public async Task TheIngestPageShowsTheBrokerAndTheQuarantinedMessages()
    {
        await using var device = await DeviceClient.ConnectAsync(app.BrokerPort);
        await device.PublishAsync("mes/PLANT1/OSD/OSD-L1/TP-01/telemetry", "{\"values\":{\"speed\":\"fast\"}}");
        await device.PublishAsync("mes/PLANT1/OSD/OSD-L1/XX-99/telemetry", "{\"values\":{\"speed\":3000}}");
        // A Sparkplug B edge node is born: the page lists it with its session.
        using (var edgeNode = new MQTTnet.MqttClientFactory().CreateMqttClient())
        {
            await edgeNode.ConnectAsync(new MQTTnet.MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", app.BrokerPort).WithClientId("osd-l1-edge").Build());
            var birth = new PharmaMes.Infrastructure.Sparkplug.Protocol.SparkplugPayload { Seq = 0, Timestamp = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() };
            birth.Metrics.Add(new PharmaMes.Infrastructure.Sparkplug.Protocol.SparkplugMetric { Name = "bdSeq", Datatype = 4, LongValue = 7 });
            await edgeNode.PublishAsync(new MQTTnet.MqttApplicationMessageBuilder().WithTopic("spBv1.0/PLANT1/NBIRTH/OSD-L1")
                .WithPayload(Google.Protobuf.MessageExtensions.ToByteArray(birth)).Build());
            await edgeNode.DisconnectAsync(new MQTTnet.MqttClientDisconnectOptionsBuilder().Build());
        }
        // A device with a mistyped password: the broker turns it away and the page says why.
        using (var mistyped = new MQTTnet.MqttClientFactory().CreateMqttClient())
        {
            var refused = await mistyped.ConnectAsync(new MQTTnet.MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", app.BrokerPort)
                .WithClientId("press-plc-e2e").WithCredentials("press-e2e", "mistyped").Build());
            Assert.Equal(MQTTnet.MqttClientConnectResultCode.BadUserNameOrPassword, refused.ResultCode);
        }

        var page = await chromium.SignInAsync(app, "maintenance");
        await page.GotoAsync(new Uri(app.BaseAddress, "/ingest").ToString());
        await page.Locator("[data-testid=quarantine] tbody tr").Nth(1).WaitForAsync(new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "ingest", fullPage: true);

        Assert.Contains("Connected", await page.Locator("[data-testid=broker-state]").TextContentAsync());
        // Both messages were journaled and stored: nothing left to replay.
        await page.Locator("[data-testid=journal]:has-text('0 acknowledged, in the journal, not yet stored')").WaitForAsync(new() { Timeout = 30_000 });
        var quarantine = await page.Locator("[data-testid=quarantine]").TextContentAsync();
        Assert.Contains("not-a-finite-number", quarantine);
        Assert.Contains("unknown-equipment", quarantine);
        // The MES's own retained status messages are output, never quarantined as input.
        Assert.DoesNotContain("/status", quarantine);
        await page.Locator("[data-testid=sparkplug-nodes] tbody tr").First.WaitForAsync(new() { Timeout = 30_000 });
        var sparkplug = await page.Locator("[data-testid=sparkplug-nodes]").TextContentAsync();
        Assert.Contains("PLANT1/OSD-L1", sparkplug);
        Assert.Contains("Online", sparkplug);
        var refusedConnections = await page.Locator("[data-testid=refused-connections]").TextContentAsync();
        Assert.Contains("press-plc-e2e", refusedConnections);
        Assert.Contains("Bad user name or password", refusedConnections);
        Assert.Contains("No enabled device account 'press-e2e'", refusedConnections);
    }

    [Fact]
    public async Task AnOperatorDoesNotSeeTheIngestPage()
    {
        var page = await chromium.SignInAsync(app, "operator");

        await page.GotoAsync(new Uri(app.BaseAddress, "/ingest").ToString());

        Assert.Contains("/account/access-denied", page.Url);
        Assert.Equal(0, await page.Locator("a[href='/ingest']").CountAsync());
    }
}
