using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Web.Tests.Audit;

public class AuditTrailApi(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private const string CsvHeader = "sequence,at_utc,user,user_id,action,entity_type,entity_id,record,field,old_value,new_value,reason,previous_hash,hash,key_id";

    private Task<HttpClient> QaAsync() => factory.SignedInAsync("qa");

    /// <summary>A user created by a named administrator, so the trail holds entries of a known person.</summary>
    private async Task<string> CreateUserAsync(string userName, string by)
    {
        await factory.Services.GetRequiredService<UserAdministration>()
            .CreateAsync(new NewUser(userName, "Audit Probe", "a-long-enough-password", [MesRoles.Operator]), new AuditActor(Guid.CreateVersion7(), by));
        return userName;
    }

    [Fact]
    public async Task VerifyFindsTheChainOfAFreshDemoDatabaseIntact()
    {
        var response = await (await QaAsync()).GetAsync("/api/v1/audit/verify");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean(), root.GetProperty("problem").GetString());
        Assert.True(root.GetProperty("checked").GetInt64() > 0);
        Assert.Equal(root.GetProperty("checked").GetInt64(), root.GetProperty("lastSequence").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("firstBrokenSequence").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("problem").ValueKind);
        Assert.True(root.GetProperty("verifiedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        // At least the head checkpointed on start, published beside this app's own database with its key.
        Assert.True(root.GetProperty("checkpointsMatched").GetInt64() >= 1);
        Assert.True(File.Exists(Path.Combine(factory.Folder, "audit-chain.key")));
        Assert.True(File.Exists(Path.Combine(factory.Folder, "audit-checkpoints.log")));
    }

    [Fact]
    public async Task TheListFiltersByRecordTypeAndUserNewestFirst()
    {
        var probe = await CreateUserAsync("audit.probe.list", "qa.lead.list");

        using var json = JsonDocument.Parse(await (await QaAsync()).GetStringAsync("/api/v1/audit?entityType=User&user=qa.lead.list"));

        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        var created = Assert.Single(entries);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal("User", created.GetProperty("entityType").GetString());
        Assert.Equal("qa.lead.list", created.GetProperty("user").GetString());
        Assert.Equal("Created", created.GetProperty("action").GetString());
        Assert.Equal(probe, created.GetProperty("record").GetString());
        Assert.Contains("\"FullName\":\"Audit Probe\"", created.GetProperty("newValue").GetString());
        Assert.Equal(64, created.GetProperty("hash").GetString()!.Length);
        Assert.NotEqual(JsonValueKind.Null, created.GetProperty("userId").ValueKind);

        using var users = JsonDocument.Parse(await (await QaAsync()).GetStringAsync("/api/v1/audit?entityType=User&pageSize=500"));
        var rows = users.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("User", r.GetProperty("entityType").GetString()));
        var sequences = rows.Select(r => r.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);
    }

    [Fact]
    public async Task PagesSplitTheTrailAtThePageSize()
    {
        using var json = JsonDocument.Parse(await (await QaAsync()).GetStringAsync("/api/v1/audit?pageSize=2&page=2"));

        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("page").GetInt32());
        Assert.Equal(2, root.GetProperty("pageSize").GetInt32());
        Assert.Equal(2, root.GetProperty("entries").GetArrayLength());
        Assert.Equal((root.GetProperty("total").GetInt32() + 1) / 2, root.GetProperty("pages").GetInt32());
    }

    [Fact]
    public async Task BadQueryValuesAreAValidationProblemNamingEveryField()
    {
        var response = await (await QaAsync()).GetAsync(
            "/api/v1/audit?from=2026-11-25T10:00:00Z&to=2026-11-25T09:00:00Z&pageSize=501&page=0&action=Deleted");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        Assert.Equal(new[] { "action", "page", "pageSize", "to" }, errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("Created", errors.GetProperty("action")[0].GetString());
    }

    [Fact]
    public async Task UnreadableTimesAndAnActionGivenAsANumberAreRefusedToo()
    {
        var response = await (await QaAsync()).GetAsync("/api/v1/audit/export.csv?from=yesterday&to=2026-13-45&action=1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(new[] { "action", "from", "to" }, json.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task TheExportIsACsvDownloadWithOneRowPerEntryTheListCounts()
    {
        await CreateUserAsync("audit.probe.csv", "qa.lead.csv");
        var qa = await QaAsync();
        const string filter = "entityType=User&from=2020-01-01T00:00:00Z";

        using var list = JsonDocument.Parse(await qa.GetStringAsync($"/api/v1/audit?{filter}&pageSize=1"));
        var response = await qa.GetAsync($"/api/v1/audit/export.csv?{filter}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Matches(@"^audit-trail-\d{8}T\d{6}Z\.csv$", disposition?.FileName?.Trim('"'));
        var records = CsvRecords(await response.Content.ReadAsStringAsync());
        Assert.Equal(CsvHeader, string.Join(",", records[0]));
        Assert.Equal(list.RootElement.GetProperty("total").GetInt32(), records.Count - 1);
        Assert.All(records.Skip(1), r => Assert.Equal("User", r[5]));
        Assert.Contains(records, r => r[2] == "qa.lead.csv" && r[7] == "audit.probe.csv");
    }

    [Fact]
    public async Task TheExportNeutralisesCellsASpreadsheetWouldRunAsFormulas()
    {
        await CreateUserAsync("audit.probe.formula1", "=HYPERLINK(\"http://attacker.example\",\"open\")");
        await CreateUserAsync("audit.probe.formula2", "@SUM(1+1)");
        await CreateUserAsync("audit.probe.formula3", "-2+3");
        await CreateUserAsync("audit.probe.formula4", "'quoted");
        var qa = await QaAsync();

        var records = CsvRecords(await qa.GetStringAsync("/api/v1/audit/export.csv?entityType=User&record=audit.probe.formula"));

        var byRecord = records.Skip(1).GroupBy(r => r[7]).ToDictionary(g => g.Key, g => g.First()[2]);
        Assert.Equal("'=HYPERLINK(\"http://attacker.example\",\"open\")", byRecord["audit.probe.formula1"]);
        Assert.Equal("'@SUM(1+1)", byRecord["audit.probe.formula2"]);
        Assert.Equal("'-2+3", byRecord["audit.probe.formula3"]);
        // A stored leading quote gets one more: dropping one quote always gives the stored value back.
        Assert.Equal("''quoted", byRecord["audit.probe.formula4"]);
        Assert.All(records.Skip(1), r => Assert.DoesNotMatch("^[=+@\t\r-]", r[2]));
    }

    /// <summary>RFC 4180 records: quoted fields may hold commas, quotes and line breaks.</summary>
    private static List<List<string>> CsvRecords(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { record.Add(field.ToString()); field.Clear(); records.Add(record); record = []; }
            else field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }
        return records;
    }
}
