using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Plant;
using PharmaMes.Infrastructure.Plant.Model;

namespace PharmaMes.Web.Tests.Plant;

/// <summary>The plant model out and in through <c>/api/v1/plant/model</c> and <c>/api/v1/plant/tags.csv</c>, on real SQLite files.</summary>
public class PlantModelExchange(MesWebFactory demo) : IClassFixture<MesWebFactory>
{
    private static readonly XNamespace B2mml = "http://www.mesa.org/xml/B2MML";

    private static async Task<string> GetXmlAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/plant/model");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, string body, string mediaType, string? reason = "Plant model from engineering")
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        if (reason is not null)
            request.Headers.Add("X-Change-Reason", reason);
        return client.SendAsync(request);
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    private static XElement Unit(XDocument document, string code) =>
        document.Descendants(B2mml + "Equipment").Single(e => (string?)e.Element(B2mml + "ID") == code);

    [Fact]
    public async Task ExportsTheDemoPlantAsB2mmlThatTheMesaSchemaAccepts()
    {
        var xml = await GetXmlAsync(await demo.SignedInAsync("admin"));

        var schema = demo.Services.GetRequiredService<B2mmlSchema>();
        Assert.True(schema.Available, "The B2MML schemas were not found: an export that was not validated must not pass.");
        Assert.Empty(schema.Validate(xml));
        var document = XDocument.Parse(xml);
        Assert.Equal("EquipmentInformation", document.Root!.Name.LocalName);
        var booth = Unit(document, "DISP-01");
        Assert.Equal("Unit", booth.Element(B2mml + "EquipmentLevel")?.Element(B2mml + "EquipmentElementLevel")?.Value);
        Assert.Equal("DispensingBooth", booth.Element(B2mml + "EquipmentClassID")?.Value);
        var weight = booth.Elements(B2mml + "EquipmentProperty").Single(p => (string?)p.Element(B2mml + "ID") == "weight");
        Assert.Equal("kg", weight.Element(B2mml + "Value")?.Element(B2mml + "UnitOfMeasure")?.Value);
        Assert.Equal(["NormalLow", "NormalHigh", "AlarmLow", "AlarmHigh", "Role"],
            weight.Elements(B2mml + "EquipmentProperty").Select(p => p.Element(B2mml + "ID")!.Value).ToList());
        Assert.Contains(weight.Elements(B2mml + "EquipmentProperty"), p => p.Descendants(B2mml + "ValueString").Single().Value == "ScaleWeight");
        // The cleaning rules and the calibration interval travel with the unit, so a second site gets the validated values.
        var settings = booth.Elements(B2mml + "EquipmentProperty").ToDictionary(p => p.Element(B2mml + "ID")!.Value, p => p.Descendants(B2mml + "ValueString").First().Value);
        Assert.True(settings.ContainsKey("CleanHoldTime") && settings.ContainsKey("DirtyHoldTime") && settings.ContainsKey("ProductChangeNeedsMajorClean"));
        Assert.True(int.Parse(settings["CalibrationIntervalDays"], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task TheDemoPlantExportedAndImportedIntoAnEmptyDatabaseExportsTheSame()
    {
        var exported = await GetXmlAsync(await demo.SignedInAsync("admin"));
        await using var empty = new EmptyPlantWebFactory();
        var admin = await empty.SignedInAdminAsync();
        Assert.Empty((await empty.Services.GetRequiredService<PlantEngineeringService>().ExportAsync()).Sites);

        var imported = await PutAsync(admin, "/api/v1/plant/model", exported, "application/xml");

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(exported, await GetXmlAsync(admin));
        var demoJson = await (await demo.SignedInAsync("admin")).GetStringAsync("/api/v1/plant/model");
        Assert.Equal(demoJson, await admin.GetStringAsync("/api/v1/plant/model"));
    }

    [Fact]
    public async Task AB2mmlFileWithABadAlarmRangeAndABadCodeChangesNothingAndNamesBoth()
    {
        var admin = await demo.SignedInAsync("admin");
        var before = await admin.GetStringAsync("/api/v1/plant/model");
        var document = XDocument.Parse(await GetXmlAsync(admin));
        // A good change in the same file, which must not be applied either.
        Unit(document, "GRAN-01").Element(B2mml + "Description")!.Value = "Renamed granulator";
        // Alarm high below the normal high of the booth's weight.
        var weight = Unit(document, "DISP-01").Elements(B2mml + "EquipmentProperty").Single(p => (string?)p.Element(B2mml + "ID") == "weight");
        weight.Elements(B2mml + "EquipmentProperty").Single(p => (string?)p.Element(B2mml + "ID") == "AlarmHigh").Descendants(B2mml + "ValueString").Single().Value = "100";
        // A code with a '/', which would break the MQTT topics.
        Unit(document, "TP-01").Element(B2mml + "ID")!.Value = "TP/01";

        var response = await PutAsync(admin, "/api/v1/plant/model", document.Declaration + "\n" + document, "application/xml");

        var errors = await ErrorsAsync(response);
        Assert.Equal(2, errors.Count);
        var range = Assert.Single(errors, e => e.Key.EndsWith("Equipment[ID='DISP-01']/EquipmentProperty[ID='weight']", StringComparison.Ordinal));
        Assert.Contains("must enclose its normal range", Assert.Single(range.Value));
        var code = Assert.Single(errors, e => e.Key.EndsWith("Equipment[ID='TP/01']", StringComparison.Ordinal));
        Assert.Contains("may hold only letters, digits", Assert.Single(code.Value));
        Assert.Equal(before, await admin.GetStringAsync("/api/v1/plant/model"));
    }

    [Fact]
    public async Task AFileThatBreaksTheSchemaIsRefusedWithTheLine()
    {
        var admin = await demo.SignedInAsync("admin");

        var response = await PutAsync(admin, "/api/v1/plant/model",
            "<?xml version=\"1.0\"?>\n<EquipmentInformation xmlns=\"http://www.mesa.org/xml/B2MML\">\n<Equipment><Description>no ID</Description></Equipment>\n</EquipmentInformation>",
            "application/xml");

        var errors = await ErrorsAsync(response);
        Assert.StartsWith("line 3", Assert.Single(errors).Key);
    }

    [Fact]
    public async Task TagsCsvWithABadLineNamesTheLineAndChangesNothing()
    {
        var admin = await demo.SignedInAsync("admin");
        var csv = await admin.GetStringAsync("/api/v1/plant/tags.csv");
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(PlantTagsCsv.Header, lines[0]);
        Assert.Contains("PLANT1,OSD,OSD-L1,DISP-01,weight,Scale weight,kg,0,120,0,150,ScaleWeight,", lines);
        // Line 2 corrected (valid), line 4 with alarm limits inside the normal range.
        lines[1] = lines[1].Replace(lines[1].Split(',')[5], "Corrected description", StringComparison.Ordinal);
        var bad = lines[3].Split(',');
        (bad[9], bad[10]) = (bad[7], bad[7]);
        lines[3] = string.Join(',', bad);

        var response = await PutAsync(admin, "/api/v1/plant/tags.csv", string.Join('\n', lines), "text/csv");

        var errors = await ErrorsAsync(response);
        Assert.Equal("line 4", Assert.Single(errors).Key);
        Assert.Equal(csv, await admin.GetStringAsync("/api/v1/plant/tags.csv"));
    }

    [Fact]
    public async Task TagsCsvCorrectsATagWithTheReasonInTheTrail()
    {
        var admin = await demo.SignedInAsync("admin");
        var csv = await admin.GetStringAsync("/api/v1/plant/tags.csv");
        var corrected = csv.Replace("DISP-01,air_velocity,Downflow air velocity", "DISP-01,air_velocity,Laminar downflow velocity", StringComparison.Ordinal);

        var response = await PutAsync(admin, "/api/v1/plant/tags.csv?reason=ignored", corrected, "text/csv", reason: "Wording per SOP-ENG-12");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("DISP-01,air_velocity,Laminar downflow velocity", await admin.GetStringAsync("/api/v1/plant/tags.csv"));
        var trail = await (await demo.SignedInAsync("qa")).GetStringAsync("/api/v1/audit?entityType=TagDefinition");
        Assert.Contains("Wording per SOP-ENG-12", trail);
    }

    [Fact]
    public async Task AJsonModelWithABadTagNamesItsPathAndChangesNothingAndOnceCorrectedAddsTheUnitWithTheReasonInTheTrail()
    {
        var admin = await demo.SignedInAsync("admin");
        var before = await admin.GetStringAsync("/api/v1/plant/model");
        var model = JsonNode.Parse(before)!;
        var unit = JsonNode.Parse("""
            {"code":"DISP-09","name":"Dispensing booth 9","class":"DispensingBooth","retired":false,"settings":null,
             "tags":[{"name":"weight","description":"Scale weight","unit":"kg","normalLow":0,"normalHigh":120,"alarmLow":0,"alarmHigh":100,"role":"ScaleWeight"}]}
            """)!;
        model["sites"]![0]!["areas"]![0]!["lines"]![0]!["equipment"]!.AsArray().Add(unit);

        var refused = await PutAsync(admin, "/api/v1/plant/model", model.ToJsonString(), "application/json");

        var error = Assert.Single(await ErrorsAsync(refused));
        Assert.EndsWith(".tags[0]", error.Key, StringComparison.Ordinal);
        Assert.Contains("must enclose its normal range", Assert.Single(error.Value));
        Assert.Equal(before, await admin.GetStringAsync("/api/v1/plant/model"));

        unit["tags"]![0]!["alarmHigh"] = 150;
        var applied = await PutAsync(admin, "/api/v1/plant/model", model.ToJsonString(), "application/json", reason: "Second booth per CC-2026-140");

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Contains("\"DISP-09\"", await admin.GetStringAsync("/api/v1/plant/model"));
        var trail = await (await demo.SignedInAsync("qa")).GetStringAsync("/api/v1/audit?entityType=Equipment");
        Assert.Contains("Second booth per CC-2026-140", trail);
    }

    [Fact]
    public async Task AnUploadWithoutAReasonIsRefused()
    {
        var admin = await demo.SignedInAsync("admin");

        var response = await PutAsync(admin, "/api/v1/plant/model", await admin.GetStringAsync("/api/v1/plant/model"), "application/json", reason: null);

        Assert.Contains("reason", (await ErrorsAsync(response)).Keys);
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("maintenance")]
    public async Task OnlyAdministratorsMayReadOrChangeTheModel(string user)
    {
        var client = await demo.SignedInAsync(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/plant/model")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(client, "/api/v1/plant/tags.csv", PlantTagsCsv.Header, "text/csv")).StatusCode);
    }
}
