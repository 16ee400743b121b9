using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PharmaMes.Web.Tests.Maintenance;

/// <summary>The equipment's care over HTTP: the logbook, the maintenance overview, and signed cleanings.</summary>
public class MaintenanceApi(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    [Fact]
    public async Task ASignedCleaningAndItsVerificationShowInTheLogbookWithBothSignatures()
    {
        var operatorClient = await factory.SignedInAsync("operator");
        var supervisorClient = await factory.SignedInAsync("supervisor");
        var cleanedAt = DateTimeOffset.UtcNow.AddMinutes(-2);

        var recorded = await operatorClient.PostAsJsonAsync("/api/v1/equipment/FBD-01/cleanings", new
        {
            method = "Major",
            cleaningAgent = "Alkaline detergent, purified water rinse",
            cleanedAt,
            signature = new { userName = "operator", password = MesWebFactory.Password },
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var verified = await supervisorClient.PostAsJsonAsync($"/api/v1/cleanings/{id}/verify",
            new { signature = new { userName = "supervisor", password = MesWebFactory.Password } });
        Assert.Equal(HttpStatusCode.NoContent, verified.StatusCode);

        using var logbook = JsonDocument.Parse(await operatorClient.GetStringAsync(
            $"/api/v1/equipment/FBD-01/logbook?kind=Cleaning&from={Uri.EscapeDataString(cleanedAt.AddMinutes(-1).ToString("O"))}"));
        var entry = Assert.Single(logbook.RootElement.GetProperty("entries").EnumerateArray());
        Assert.Equal("Cleaning", entry.GetProperty("kind").GetString());
        Assert.Equal("Major cleaning — Verified", entry.GetProperty("title").GetString());
        var signatures = entry.GetProperty("signatures").EnumerateArray().ToList();
        Assert.Equal(2, signatures.Count);
        Assert.Contains("Performed", signatures[0].GetProperty("manifestation").GetString());
        Assert.Contains("Verified", signatures[1].GetProperty("manifestation").GetString());
        Assert.All(signatures, s => Assert.True(s.GetProperty("isValid").GetBoolean()));
    }

    [Fact]
    public async Task ACleaningWithoutMethodTimeOrSignatureIsAProblemNamingEachField()
    {
        var client = await factory.SignedInAsync("operator");

        var response = await client.PostAsJsonAsync("/api/v1/equipment/GRAN-01/cleanings", new { cleaningAgent = "Water" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("method", out _));
        Assert.True(errors.TryGetProperty("cleanedAt", out _));
        Assert.True(errors.TryGetProperty("signature", out _));
    }

    [Fact]
    public async Task ACleaningVerifiedByTheCleanerIsRefusedAsABrokenRule()
    {
        var client = await factory.SignedInAsync("operator");
        var recorded = await client.PostAsJsonAsync("/api/v1/equipment/COAT-01/cleanings", new
        {
            method = "Major", cleaningAgent = "Detergent", cleanedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            signature = new { userName = "operator", password = MesWebFactory.Password },
        });
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var response = await client.PostAsJsonAsync($"/api/v1/cleanings/{id}/verify", new { signature = new { userName = "operator", password = MesWebFactory.Password } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The person who cleaned a unit cannot verify the cleaning: a second person must.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnUnknownKindOrEquipmentIsAClearProblem()
    {
        var client = await factory.SignedInAsync("operator");

        var badKind = await client.GetAsync("/api/v1/equipment/GRAN-01/logbook?kind=Painting");
        var unknown = await client.GetAsync("/api/v1/equipment/NOPE-99/logbook");

        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Contains("Painting", (await badKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("kind")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ACalibrationIsSignedIntoTheLogbookAndDatesInTheFutureOrOutOfOrderAreProblemsNamingTheirFields()
    {
        var client = await factory.SignedInAsync("maintenance");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        object Calibration(DateOnly on, DateOnly next) => new
        {
            instrument = "compression_force", referenceStandard = "Load cell LC-50", standardCertificate = "DAkkS D-K-15070 2026-01",
            asFound = "20.3 kN at 20 kN", asLeft = "20.0 kN at 20 kN", passed = true, calibratedOn = on, nextDueOn = next,
            signature = new { userName = "maintenance", password = MesWebFactory.Password },
        };

        var future = await client.PostAsJsonAsync("/api/v1/equipment/TP-02/calibrations", Calibration(today.AddDays(1), today.AddDays(1)));
        var recorded = await client.PostAsJsonAsync("/api/v1/equipment/TP-02/calibrations", Calibration(today, today.AddDays(180)));
        var lateCleaning = await client.PostAsJsonAsync("/api/v1/equipment/TP-02/cleanings", new
        {
            method = "Major", cleaningAgent = "Detergent", cleanedAt = DateTimeOffset.UtcNow.AddHours(1),
            signature = new { userName = "maintenance", password = MesWebFactory.Password },
        });

        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var errors = (await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith("A calibration cannot be dated in the future", errors.GetProperty("calibratedOn")[0].GetString());
        Assert.StartsWith("The next calibration must be due after", errors.GetProperty("nextDueOn")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, lateCleaning.StatusCode);
        Assert.StartsWith("A cleaning cannot be recorded in the future",
            (await lateCleaning.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("cleanedAt")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Empty((await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("qualityExceptionsRaised").EnumerateArray());
        using var logbook = JsonDocument.Parse(await client.GetStringAsync(
            $"/api/v1/equipment/TP-02/logbook?kind=Calibration,Cleaning&from={Uri.EscapeDataString(since.ToString("O"))}"));
        var entry = Assert.Single(logbook.RootElement.GetProperty("entries").EnumerateArray());
        Assert.Equal($"Calibration of compression_force on {today:yyyy-MM-dd} — passed", entry.GetProperty("title").GetString());
        var signature = Assert.Single(entry.GetProperty("signatures").EnumerateArray().ToList());
        Assert.Contains("— Performed —", signature.GetProperty("manifestation").GetString());
        Assert.True(signature.GetProperty("isValid").GetBoolean());
    }

    [Fact]
    public async Task APlannerMayReadTheLogbookButNotRecordACalibration()
    {
        var planner = await factory.SignedInAsync("planner");

        var logbook = await planner.GetAsync("/api/v1/equipment/TP-01/logbook");
        var calibration = await planner.PostAsJsonAsync("/api/v1/equipment/TP-01/calibrations", new { passed = true });

        Assert.Equal(HttpStatusCode.OK, logbook.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, calibration.StatusCode);
    }

    [Fact]
    public async Task TheOverviewListsTheFillerWhoseCalibrationIsOverdue()
    {
        var client = await factory.SignedInAsync("maintenance");

        var overview = await client.GetFromJsonAsync<JsonElement>("/api/v1/maintenance");

        var filler = overview.GetProperty("calibrationsDue").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "FILL-01");
        Assert.True(filler.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task TheEquipmentResourceCarriesItsStatusAndWhatToDoAboutIt()
    {
        var client = await factory.SignedInAsync("planner");

        var filler = await client.GetFromJsonAsync<JsonElement>("/api/v1/equipment/FILL-01");
        var skid = await client.GetFromJsonAsync<JsonElement>("/api/v1/equipment/CHROM-01");

        Assert.Equal("CalibrationDue", filler.GetProperty("status").GetString());
        Assert.Contains(filler.GetProperty("reasonsNotUsable").EnumerateArray(), r => r.GetString()!.EndsWith("calibration needed", StringComparison.Ordinal));
        Assert.Equal("Cleaning", skid.GetProperty("status").GetString());
    }
}
