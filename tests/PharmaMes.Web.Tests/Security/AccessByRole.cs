using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Web.Security;
using static PharmaMes.Web.Tests.Security.AccessRules;

namespace PharmaMes.Web.Tests.Security;

/// <summary>
/// Who may use what, checked whole: every endpoint, every page and every operation of the OpenAPI document has its
/// row below (a new one without a row fails here), the app's own rules match the rows, and each row is tried over real
/// HTTP as every role, as the ERP's API key and as nobody: refused exactly where <see cref="PolicyRoles"/> says.
/// </summary>
public partial class AccessByRole(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    // Pages are listed by their GET; a page's form posts carry the same rule (checked below).
    // Decided: the quarantine holds device payloads as they came: the people of /ingest (Engineering) see it, not every
    // reader. Lots are received by planners and supervisors on the page, so the API admits the same people (and the
    // ERP's key), not administrators.
    private const string Table = """
        * /health                                       | (anyone)
        * /health/live                                  | (anyone)
        * /health/ready                                 | (anyone)
        * /metrics                                      | Monitoring
        * /hubs/plant                                   | PlantReader
        * /hubs/plant/negotiate                         | PlantReader
        DELETE /api/v1/production-orders/{externalId}   | ErpOrders
        GET /                                           | (signed in)
        GET /account/access-denied                      | (signed in)
        GET /account/keepalive                          | (signed in)
        GET /account/login                              | (anyone)
        GET /admin/api-keys                             | Admin
        GET /admin/devices                              | Admin
        GET /admin/plant                                | Admin
        GET /admin/users                                | Admin
        GET /api/v1/alerts                              | PlantReader
        GET /api/v1/alerts/{id:guid}                    | PlantReader
        GET /api/v1/audit/                              | AuditReader
        GET /api/v1/audit/export.csv                    | AuditReader
        GET /api/v1/audit/verify                        | AuditVerifier
        GET /api/v1/batches/                            | PlantReader
        GET /api/v1/batches/{number}                    | PlantReader
        GET /api/v1/batches/{number}/batchml            | PlantReader
        GET /api/v1/batches/{number}/record             | PlantReader
        GET /api/v1/equipment                           | PlantReader
        GET /api/v1/equipment/{code}                    | PlantReader
        GET /api/v1/equipment/{code}/logbook            | PlantReader
        GET /api/v1/equipment/{code}/maintenance-plans  | EquipmentCare
        GET /api/v1/equipment/{code}/oee                | PlantReader
        GET /api/v1/equipment/{code}/telemetry          | PlantReader
        GET /api/v1/erp/outbox/                         | ErpIntegration
        GET /api/v1/impacts/                            | PlantReader
        GET /api/v1/impacts/{id:guid}                   | PlantReader
        GET /api/v1/ingest/quarantine                   | Engineering
        GET /api/v1/inventory                           | ErpInventory
        GET /api/v1/inventory/{material}                | ErpInventory
        GET /api/v1/lines/{code}/oee                    | PlantReader
        GET /api/v1/lots/{lot}                          | ErpInventory
        GET /api/v1/lots/{lot}/genealogy                | ErpInventory
        GET /api/v1/maintenance                         | EquipmentCare
        GET /api/v1/materials/{code}                    | ErpMaterials
        GET /api/v1/plant                               | PlantReader
        GET /api/v1/plant/model                         | Admin
        GET /api/v1/plant/tags.csv                      | Admin
        GET /api/v1/production-orders                   | ErpOrders
        GET /api/v1/production-orders/{number}          | ErpOrders
        GET /api/v1/schedule/                           | PlantReader
        GET /api/v1/schedule/material-shortfalls        | PlantReader
        GET /api/v1/shift-calendars/{scope}             | PlantReader
        GET /api/v1/sites/{code}/oee                    | PlantReader
        GET /api/v1/work-orders                         | EquipmentCare
        GET /api/v1/work-orders/{number}                | EquipmentCare
        GET /audit                                      | AuditReader
        GET /batches                                    | PlantReader
        GET /batches/{Number}/execute                   | BatchExecution
        GET /batches/{Number}/print                     | PlantReader
        GET /batches/{Number}/record                    | PlantReader
        GET /dashboard                                  | (signed in)
        GET /equipment/{Code}                           | (signed in)
        GET /equipment/{Code}/logbook                   | PlantReader
        GET /erp/outbox                                 | ErpIntegration
        GET /error                                      | (anyone)
        GET /ingest                                     | Engineering
        GET /inventory                                  | InventoryReader
        GET /inventory/{MaterialCode}                   | InventoryReader
        GET /lots/genealogy                             | PlantReader
        GET /lots/{LotNumber}/genealogy                 | PlantReader
        GET /maintenance                                | EquipmentCare
        GET /maintenance/equipment/{Code}               | EquipmentCare
        GET /maintenance/work-orders/{Number}           | EquipmentCare
        GET /materials                                  | MaterialMaster
        GET /not-found                                  | (signed in)
        GET /openapi/{documentName}.json                | PlantReader
        GET /performance                                | PlantReader
        GET /performance/{Line}                         | PlantReader
        GET /performance/{Line}/calendar                | PlantReader
        GET /planning                                   | BatchPlanning
        GET /plant                                      | (signed in)
        GET /quality/exceptions                         | PlantReader
        GET /recipes                                    | PlantReader
        GET /recipes/compare                            | PlantReader
        GET /recipes/{Id:guid}                          | PlantReader
        GET /recipes/{Id:guid}/edit                     | RecipeEditor
        GET /review                                     | QualityAssurance
        GET /scalar/{documentName?}                     | PlantReader
        GET /terminal/line/{code}                       | (signed in)
        GET /terminal/number-format/{culture}           | (signed in)
        GET /work                                       | BatchExecution
        POST /account/access-denied                     | (signed in)
        POST /account/login                             | (anyone)
        POST /account/logout                            | (anyone)
        POST /api/v1/alerts/{id:guid}/acknowledge       | EquipmentCare
        POST /api/v1/cleanings/{id:guid}/refuse         | EquipmentCare
        POST /api/v1/cleanings/{id:guid}/verify         | EquipmentCare
        POST /api/v1/equipment/{code}/calibrations      | Calibration
        POST /api/v1/equipment/{code}/cleanings         | EquipmentCare
        POST /api/v1/equipment/{code}/maintenance-plans | WorkOrders
        POST /api/v1/equipment/{code}/work-orders       | EquipmentCare
        POST /api/v1/erp/outbox/replay-failed           | ErpIntegration
        POST /api/v1/erp/outbox/{position:long}/replay  | ErpIntegration
        POST /api/v1/impacts/{id:guid}/accept           | BatchPlanning
        POST /api/v1/lots/receipts                      | ErpLotReceipts
        POST /api/v1/production-orders                  | ErpOrders
        POST /api/v1/schedule/moves                     | BatchPlanning
        POST /api/v1/schedule/plan                      | BatchPlanning
        POST /api/v1/work-orders/{number}/assign        | WorkOrders
        POST /api/v1/work-orders/{number}/cancel        | WorkOrders
        POST /api/v1/work-orders/{number}/complete      | WorkOrders
        POST /api/v1/work-orders/{number}/release       | WorkOrders
        POST /api/v1/work-orders/{number}/start         | WorkOrders
        PUT /api/v1/materials/{code}                    | ErpMaterials
        PUT /api/v1/plant/model                         | Admin
        PUT /api/v1/plant/tags.csv                      | Admin
        PUT /api/v1/production-orders/{externalId}      | ErpOrders
        PUT /api/v1/shift-calendars/{scope}             | ShiftCalendars
        """;

    private static readonly string[] People = [.. MesRoles.PersonRoles.Select(r => r.ToLowerInvariant())];
    private const string Machine = "erp-key";
    private const string Nobody = "nobody";

    private static SortedDictionary<string, string> Expected() => new(Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.Split(" | ")).ToDictionary(p => p[0].Trim(), p => p[1].Trim()), StringComparer.Ordinal);

    [Fact]
    public void EveryEndpointAndPageHasItsRowAndCarriesItsRule()
    {
        _ = factory.Server;
        var actual = AccessRules.Of(factory.Services);
        var pagePosts = actual.Where(r => r.Key.StartsWith("POST /", StringComparison.Ordinal) && !IsApi(Route(r.Key)) && !Route(r.Key).StartsWith("/account/", StringComparison.Ordinal))
            .ToList();
        foreach (var (post, rule) in pagePosts)
            Assert.Equal((post, actual.GetValueOrDefault("GET " + Route(post))), (post, rule));
        var listed = actual.Where(r => !pagePosts.Any(p => p.Key == r.Key) && !r.Key.Contains("{**path:file}", StringComparison.Ordinal) && !r.Key.StartsWith("HEAD ", StringComparison.Ordinal))
            .ToDictionary(r => r.Key, r => r.Value);
        var expected = Expected();

        var missing = listed.Where(r => !expected.ContainsKey(r.Key)).Select(r => $"{r.Key} | {r.Value}").ToList();
        var stale = expected.Keys.Where(k => !listed.ContainsKey(k)).ToList();
        var differ = expected.Where(r => listed.TryGetValue(r.Key, out var rule) && rule != r.Value).Select(r => $"{r.Key}: table {r.Value}, app {listed[r.Key]}").ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0 && differ.Count == 0,
            $"Endpoints without a row: {string.Join("; ", missing)}. Rows without an endpoint: {string.Join("; ", stale)}. Rules that differ: {string.Join("; ", differ)}.");
        // Every policy a row names exists in the one table of roles.
        Assert.All(expected.Values.Where(v => v is not Anonymous and not SignedIn), policy => Assert.True(PolicyRoles.All.ContainsKey(policy), policy));
    }

    [Fact]
    public async Task EveryOperationOfTheOpenApiDocumentHasItsRow()
    {
        using var document = JsonDocument.Parse(await ErpClient().GetStringAsync("/openapi/v1.json"));
        var rows = Expected().Keys.Select(Normal).ToHashSet();

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => Normal($"{op.Name.ToUpperInvariant()} {path.Name}"))).ToList();

        Assert.True(operations.Count > 50, $"Only {operations.Count} operations in the document.");
        var without = operations.Where(op => !rows.Contains(op)).ToList();
        Assert.True(without.Count == 0, $"Operations without a row: {string.Join("; ", without)}");
    }

    [Fact]
    public async Task EachRoleTheMachineAndNobodyAreRefusedExactlyWhereTheTableSays()
    {
        var clients = new Dictionary<string, HttpClient> { [Machine] = ErpClient(), [Nobody] = factory.NewBrowser() };
        foreach (var person in People)
            clients[person] = await factory.SignedInAsync(person);
        var wrong = new List<string>();
        var tried = 0;

        foreach (var (row, rule) in Expected())
        {
            var method = row[..row.IndexOf(' ')];
            var route = Route(row);
            // Signing in and out change who the client is; their rules are checked above.
            if (route.StartsWith("/account/", StringComparison.Ordinal))
                continue;
            foreach (var (who, client) in clients)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method == "*" ? "POST" : method), Sample(route));
                if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Delete)
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                using var response = await client.SendAsync(request);
                tried++;
                var refused = Refused(response);
                var admitted = Admits(rule, who, route);
                if (refused == admitted || (!refused && (int)response.StatusCode >= 500))
                    wrong.Add($"{row} as {who}: {(int)response.StatusCode} {response.Headers.Location}, the table {(admitted ? "admits" : "refuses")}");
            }
        }

        Assert.True(tried > 700, $"Only {tried} requests tried.");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static bool Admits(string rule, string who, string route)
    {
        if (rule == Anonymous)
            return true;
        if (who == Nobody)
            return false;
        // An API key is a machine's: it is heard on the API, the hub and the API description only.
        if (who == Machine)
            return IsKeyed(route) && rule != SignedIn && PolicyRoles.All[rule].Contains(MesRoles.Integration);
        return rule == SignedIn || PolicyRoles.All[rule].Any(role => role.Equals(who, StringComparison.OrdinalIgnoreCase));
    }

    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } to
            && (to.OriginalString.Contains("/account/login", StringComparison.Ordinal) || to.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal)));

    private HttpClient ErpClient()
    {
        var client = factory.NewBrowser();
        client.DefaultRequestHeaders.Add("X-Api-Key", MesWebFactory.ApiKey);
        return client;
    }

    private static string Route(string row) => row[(row.IndexOf(' ') + 1)..];

    private static bool IsApi(string route) => route.StartsWith("/api/", StringComparison.Ordinal);

    private static bool IsKeyed(string route) =>
        IsApi(route) || route.StartsWith("/hubs/", StringComparison.Ordinal) || route.StartsWith("/openapi/", StringComparison.Ordinal)
        || route == "/metrics";

    /// <summary>A request path for a route: a value of the right kind for each parameter, naming nothing that exists.</summary>
    private static string Sample(string route) => Parameter().Replace(route, m => m.Groups["name"].Value switch
    {
        _ when m.Value.Contains(":guid", StringComparison.Ordinal) => Guid.Empty.ToString(),
        _ when m.Value.Contains(":long", StringComparison.Ordinal) => "1",
        "documentName" when m.Value.EndsWith("?}", StringComparison.Ordinal) => "",
        "documentName" => "v1",
        "culture" => "de-DE",
        _ => "NO-SUCH-1",
    });

    /// <summary>"GET /api/v1/alerts/{id:guid}" and the document's "GET /api/v1/alerts/{id}" name the same operation.</summary>
    private static string Normal(string row) => Constraint().Replace(row, "}").TrimEnd('/');

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\??\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex Constraint();
}
