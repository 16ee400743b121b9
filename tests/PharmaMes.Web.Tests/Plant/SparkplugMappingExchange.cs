using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Plant.Model;

namespace PharmaMes.Web.Tests.Plant;

/// <summary>
/// An equipment's Sparkplug address and its tags' Sparkplug metric names through <c>/api/v1/plant/model</c>
/// (JSON and B2MML) and <c>/api/v1/plant/tags.csv</c>, on an empty plant in a real SQLite file.
/// </summary>
public class SparkplugMappingExchange
{
    private static readonly XNamespace B2mml = "http://www.mesa.org/xml/B2MML";

    private const string Plant = """
        {"sites":[{"code":"BSL","name":"Basel","areas":[{"code":"OSD","name":"Oral solid dose","lines":[{"code":"L1","name":"Line 1","equipment":[
          {"code":"TP-01","name":"Tablet press 1","class":"TabletPress","tags":[
            {"name":"speed","description":"Turret speed","unit":"rpm","normalLow":10,"normalHigh":60,"alarmLow":0,"alarmHigh":80,"sparkplugMetric":"Motor/Speed"},
            {"name":"compression_force","description":"Main compression force","unit":"kN","normalLow":5,"normalHigh":20,"alarmLow":0,"alarmHigh":30}],
           "sparkplugAddress":{"groupId":"Gateway_A","edgeNodeId":"PLC-7","deviceId":"Press.1"}},
          {"code":"TP-02","name":"Tablet press 2","class":"TabletPress","tags":[]}]}]}]}]}
        """;

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, string body, string mediaType, string reason = "Gateway GW-7 per CC-2026-201")
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        request.Headers.Add("X-Change-Reason", reason);
        return client.SendAsync(request);
    }

    private static async Task<string> GetXmlAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/plant/model");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    private static JsonNode Equipment(JsonNode model, int index) => model["sites"]![0]!["areas"]![0]!["lines"]![0]!["equipment"]![index]!;

    [Fact]
    public async Task TheAddressAndMetricNamesGoInAsJsonAndComeBackAsJsonAndAsB2mmlThatAnotherPlantReadsTheSame()
    {
        await using var first = new EmptyPlantWebFactory();
        var admin = await first.SignedInAdminAsync();

        var put = await PutAsync(admin, "/api/v1/plant/model", Plant, "application/json");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var json = await admin.GetStringAsync("/api/v1/plant/model");
        var press = Equipment(JsonNode.Parse(json)!, 0);
        Assert.Equal("TP-01", (string?)press["code"]);
        Assert.Equal(("Gateway_A", "PLC-7", "Press.1"),
            ((string?)press["sparkplugAddress"]!["groupId"], (string?)press["sparkplugAddress"]!["edgeNodeId"], (string?)press["sparkplugAddress"]!["deviceId"]));
        Assert.Equal("Motor/Speed", (string?)press["tags"]![0]!["sparkplugMetric"]);
        Assert.Null((string?)press["tags"]![1]!["sparkplugMetric"]);
        Assert.Null(Equipment(JsonNode.Parse(json)!, 1)["sparkplugAddress"]);

        var xml = await GetXmlAsync(admin);
        Assert.Empty(first.Services.GetRequiredService<B2mmlSchema>().Validate(xml));
        var unit = XDocument.Parse(xml).Descendants(B2mml + "Equipment").Single(e => (string?)e.Element(B2mml + "ID") == "TP-01");
        var address = unit.Elements(B2mml + "EquipmentProperty").Single(p => (string?)p.Element(B2mml + "ID") == "SparkplugAddress");
        Assert.Equal(["GroupId=Gateway_A", "EdgeNodeId=PLC-7", "DeviceId=Press.1"],
            address.Elements(B2mml + "EquipmentProperty").Select(p => $"{p.Element(B2mml + "ID")!.Value}={p.Descendants(B2mml + "ValueString").Single().Value}"));

        await using var second = new EmptyPlantWebFactory();
        var otherAdmin = await second.SignedInAdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(otherAdmin, "/api/v1/plant/model", xml, "application/xml")).StatusCode);
        Assert.Equal(json, await otherAdmin.GetStringAsync("/api/v1/plant/model"));
        Assert.Equal(xml, await GetXmlAsync(otherAdmin));
    }

    [Fact]
    public async Task AnAddressAnotherEquipmentHasIsRefusedAsAProblemNamingItAndNothingChanges()
    {
        await using var factory = new EmptyPlantWebFactory();
        var admin = await factory.SignedInAdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(admin, "/api/v1/plant/model", Plant, "application/json")).StatusCode);
        var before = await admin.GetStringAsync("/api/v1/plant/model");
        var model = JsonNode.Parse(before)!;
        // TP-02 claims TP-01's explicit address; a third press claims TP-02's default address.
        Equipment(model, 1)["sparkplugAddress"] = JsonNode.Parse("""{"groupId":"gateway_a","edgeNodeId":"PLC-7","deviceId":"Press.1"}""");
        model["sites"]![0]!["areas"]![0]!["lines"]![0]!["equipment"]!.AsArray().Add(JsonNode.Parse("""
            {"code":"TP-03","name":"Tablet press 3","class":"TabletPress","tags":[],"sparkplugAddress":{"groupId":"BSL","edgeNodeId":"L1","deviceId":"TP-02"}}
            """));

        var errors = await ErrorsAsync(await PutAsync(admin, "/api/v1/plant/model", model.ToJsonString(), "application/json"));

        Assert.Contains("already the address of equipment TP-01", Assert.Single(errors["sites[0].areas[0].lines[0].equipment[1]"]));
        Assert.Contains("default address of equipment TP-02", Assert.Single(errors["sites[0].areas[0].lines[0].equipment[2]"]));
        Assert.Equal(before, await admin.GetStringAsync("/api/v1/plant/model"));
    }

    [Fact]
    public async Task AnAddressWithABadIdOrWithoutAllThreeIdsIsRefused()
    {
        await using var factory = new EmptyPlantWebFactory();
        var admin = await factory.SignedInAdminAsync();
        var model = JsonNode.Parse(Plant)!;
        Equipment(model, 0)["sparkplugAddress"] = JsonNode.Parse("""{"groupId":"Gateway/A","edgeNodeId":"PLC-7","deviceId":"Press.1"}""");
        Equipment(model, 1)["sparkplugAddress"] = JsonNode.Parse("""{"groupId":"Gateway_A","edgeNodeId":"","deviceId":"Press.1"}""");

        var errors = await ErrorsAsync(await PutAsync(admin, "/api/v1/plant/model", model.ToJsonString(), "application/json"));

        Assert.Contains("never '/'", Assert.Single(errors["sites[0].areas[0].lines[0].equipment[0]"]));
        Assert.Contains("all three", Assert.Single(errors["sites[0].areas[0].lines[0].equipment[1]"]));
        Assert.Empty(JsonNode.Parse(await admin.GetStringAsync("/api/v1/plant/model"))!["sites"]!.AsArray());
    }

    [Fact]
    public async Task TheTagsCsvCarriesTheMetricNameAndAFileWithTheOlderHeaderKeepsIt()
    {
        await using var factory = new EmptyPlantWebFactory();
        var admin = await factory.SignedInAdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(admin, "/api/v1/plant/model", Plant, "application/json")).StatusCode);

        var csv = await admin.GetStringAsync("/api/v1/plant/tags.csv");
        Assert.Contains("BSL,OSD,L1,TP-01,speed,Turret speed,rpm,10,60,0,80,None,Motor/Speed\n", csv);
        Assert.Contains("BSL,OSD,L1,TP-01,compression_force,Main compression force,kN,5,20,0,30,None,\n", csv);

        var renamed = csv.Replace(",None,Motor/Speed\n", ",None,Drive/Speed\n", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(admin, "/api/v1/plant/tags.csv", renamed, "text/csv")).StatusCode);
        Assert.Contains(",None,Drive/Speed\n", await admin.GetStringAsync("/api/v1/plant/tags.csv"));

        var older = PlantTagsCsv.HeaderWithoutMetric + "\nBSL,OSD,L1,TP-01,speed,Turret speed (corrected),rpm,10,60,0,80,None\n";
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(admin, "/api/v1/plant/tags.csv", older, "text/csv")).StatusCode);
        Assert.Contains("TP-01,speed,Turret speed (corrected),rpm,10,60,0,80,None,Drive/Speed\n", await admin.GetStringAsync("/api/v1/plant/tags.csv"));
    }
}
