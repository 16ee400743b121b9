using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace PharmaMes.Web.Tests.Batches;

public class BatchRecordApi(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private static readonly XNamespace B2mml = "http://www.mesa.org/xml/B2MML";

    private HttpClient Machine()
    {
        var client = factory.NewBrowser();
        client.DefaultRequestHeaders.Add("X-Api-Key", MesWebFactory.ApiKey);
        return client;
    }

    [Fact]
    public async Task TheListHoldsABatchJustCreatedWithItsProductOrderAndProgress()
    {
        var number = await TestBatches.NewBatchAsync(factory);

        var response = await Machine().GetAsync("/api/v1/batches");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var batch = json.RootElement.EnumerateArray().Single(b => b.GetProperty("number").GetString() == number);
        Assert.Equal(TestBatches.Product, batch.GetProperty("product").GetString());
        Assert.Equal(TestBatches.ProductName, batch.GetProperty("productName").GetString());
        Assert.StartsWith("PO-", batch.GetProperty("order").GetString());
        Assert.Equal(1, batch.GetProperty("recipeVersion").GetInt32());
        Assert.Equal(("Created", "PendingReview"), (batch.GetProperty("state").GetString(), batch.GetProperty("disposition").GetString()));
        Assert.Equal((0, 0, 2, 0), (batch.GetProperty("progress").GetInt32(), batch.GetProperty("stepsDone").GetInt32(),
            batch.GetProperty("steps").GetInt32(), batch.GetProperty("openExceptions").GetInt32()));
        Assert.Equal(JsonValueKind.Null, batch.GetProperty("startedAt").ValueKind);
        Assert.True(batch.GetProperty("createdAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task ABatchComesWithItsStepsTheirEquipmentAndWhoPerformedAndVerifiedThem()
    {
        var number = await TestBatches.ReleasedBatchAsync(factory);

        // Batch numbers are stored upper-case: a lower-case number finds the batch too.
        using var json = JsonDocument.Parse(await Machine().GetStringAsync($"/api/v1/batches/{number.ToLowerInvariant()}"));

        var batch = json.RootElement;
        Assert.Equal((number, "Completed", "Released"), (batch.GetProperty("number").GetString(), batch.GetProperty("state").GetString(), batch.GetProperty("disposition").GetString()));
        var steps = batch.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal([1, 2], steps.Select(s => s.GetProperty("number").GetInt32()));
        var dispensing = steps[0];
        Assert.Equal(("Dispensing", "Completed", "DISP-01"), (dispensing.GetProperty("name").GetString(), dispensing.GetProperty("state").GetString(), dispensing.GetProperty("equipment").GetString()));
        Assert.Equal(("operator", "supervisor"), (dispensing.GetProperty("performedBy").GetString(), dispensing.GetProperty("verifiedBy").GetString()));
        Assert.True(dispensing.GetProperty("verifiedAt").GetDateTimeOffset() >= dispensing.GetProperty("performedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, steps[1].GetProperty("verifiedBy").ValueKind);
    }

    [Fact]
    public async Task TheRecordGivesEveryEntryAndEachSignatureWithPrintedNameMeaningAndTime()
    {
        var number = await TestBatches.ReleasedBatchAsync(factory);
        var qa = await factory.SignedInAsync("qa");

        var response = await qa.GetAsync($"/api/v1/batches/{number}/record");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var record = json.RootElement;
        Assert.Equal((number, TestBatches.Product, "Completed", "Released"), (record.GetProperty("number").GetString(), record.GetProperty("product").GetString(),
            record.GetProperty("state").GetString(), record.GetProperty("disposition").GetString()));

        var entries = record.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, entries.Count), entries.Select(e => e.GetProperty("sequence").GetInt32()));
        var dispense = entries.Single(e => e.GetProperty("kind").GetString() == "MaterialDispensed");
        Assert.Equal((TestBatches.DispensedLot, 5.02m, "kg", 1), (dispense.GetProperty("lot").GetString(), dispense.GetProperty("quantity").GetDecimal(),
            dispense.GetProperty("unit").GetString(), dispense.GetProperty("step").GetInt32()));
        var lossOnDrying = entries.Single(e => e.GetProperty("name").GetString() == "Loss on drying" && e.GetProperty("kind").GetString() == "ValueRecorded");
        Assert.Equal((2.4, 0.0, 2.0, "OutOfLimits"), (lossOnDrying.GetProperty("value").GetDouble(), lossOnDrying.GetProperty("lowLimit").GetDouble(),
            lossOnDrying.GetProperty("highLimit").GetDouble(), lossOnDrying.GetProperty("result").GetString()));
        Assert.All(entries.Where(e => e.GetProperty("kind").GetString() is "Signature" or "Disposition"),
            e => Assert.Equal(JsonValueKind.String, e.GetProperty("signatureId").ValueKind));

        var signatures = record.GetProperty("signatures").EnumerateArray().ToList();
        Assert.Equal(["Performed", "Verified", "Performed", "Reviewed", "Released"], signatures.Select(s => s.GetProperty("meaning").GetString()));
        var release = signatures[^1];
        Assert.Equal(("Quinn Andersen", $"Batch {number}"), (release.GetProperty("printedName").GetString(), release.GetProperty("subject").GetString()));
        Assert.Equal(TimeSpan.Zero, release.GetProperty("signedAt").GetDateTimeOffset().Offset);
        Assert.StartsWith("Quinn Andersen — Released — ", release.GetProperty("manifestation").GetString());
        Assert.All(signatures, s => Assert.True(s.GetProperty("valid").GetBoolean(), s.GetProperty("subject").GetString()));

        var exception = Assert.Single(record.GetProperty("exceptions").EnumerateArray());
        Assert.Equal(("Closed", 2), (exception.GetProperty("status").GetString(), exception.GetProperty("step").GetInt32()));
        Assert.Contains("Probe drift", exception.GetProperty("closure").GetString());
    }

    [Fact]
    public async Task TheBatchMlExportIsXmlWhoseRootIsTheBatchProductionRecordOfTheBatch()
    {
        var number = await TestBatches.ReleasedBatchAsync(factory);

        var response = await Machine().GetAsync($"/api/v1/batches/{number}/batchml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(B2mml + "BatchProductionRecord", document.Root!.Name);
        Assert.Equal(number, document.Root.Element(B2mml + "ID")!.Value);
        Assert.Contains(document.Descendants(B2mml + "PersonnelIdentificationManifest"),
            m => m.Element(B2mml + "Name")!.Value == "Quinn Andersen" && m.Element(B2mml + "ChangeIndication")!.Value == "Released");
    }

    [Theory]
    [InlineData("/api/v1/batches/B-1999-9999")]
    [InlineData("/api/v1/batches/B-1999-9999/record")]
    [InlineData("/api/v1/batches/B-1999-9999/batchml")]
    [InlineData("/api/v1/batches/not%20a%20batch!/record")]
    public async Task AnUnknownBatchIsA404ProblemNamingTheNumber(string url)
    {
        var response = await Machine().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, json.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(Uri.UnescapeDataString(url.Split('/')[4]), json.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/batches")]
    [InlineData("/api/v1/batches/B-1999-9999/record")]
    [InlineData("/api/v1/batches/B-1999-9999/batchml")]
    public async Task WithoutCredentialsTheBatchApiAnswers401(string url)
    {
        var response = await factory.NewBrowser().GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
