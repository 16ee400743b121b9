using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Plant;
using PharmaMes.Infrastructure.Telemetry;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// <c>/api/v1/plant</c>, <c>/api/v1/equipment</c> and its telemetry, <c>/api/v1/ingest/quarantine</c>:
/// the live plant for people and machine clients.
/// </summary>
public static class PlantApi
{
    public static IEndpointRouteBuilder MapPlantApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.PlantReader).WithTags("Plant");
        api.MapGet("/plant", GetPlantAsync).WithName("GetPlant");
        api.MapGet("/equipment", ListEquipmentAsync).WithName("ListEquipment");
        api.MapGet("/equipment/{code}", GetEquipmentAsync).WithName("GetEquipment");
        api.MapGet("/equipment/{code}/telemetry", GetTelemetryAsync).WithName("GetEquipmentTelemetry");
        // Device payloads as they came, refused: for the people who look after the data path, as the /ingest page.
        api.MapGet("/ingest/quarantine", GetQuarantineAsync).RequireAuthorization(Policies.Engineering).WithName("GetQuarantine").WithTags("Ingest");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<PlantOverview>>> GetPlantAsync(PlantOverviewService plant, CancellationToken cancellationToken) =>
        TypedResults.Ok(await plant.GetAsync(cancellationToken));

    private static async Task<Ok<List<EquipmentResource>>> ListEquipmentAsync(PlantOverviewService plant, LivePlant live, IOptions<MqttOptions> mqtt, CancellationToken cancellationToken) =>
        TypedResults.Ok(Flatten(await plant.GetAsync(cancellationToken)).Select(e => ToResource(e, live, mqtt.Value.TopicRoot, withTags: false)).ToList());

    private static async Task<Results<Ok<EquipmentResource>, ProblemHttpResult>> GetEquipmentAsync(
        string code, PlantOverviewService plant, LivePlant live, IOptions<MqttOptions> mqtt, CancellationToken cancellationToken)
    {
        var found = Flatten(await plant.GetAsync(cancellationToken)).FirstOrDefault(e => string.Equals(e.Equipment.Code, code, StringComparison.OrdinalIgnoreCase));
        return found.Equipment is null
            ? NotFound(code)
            : TypedResults.Ok(ToResource(found, live, mqtt.Value.TopicRoot, withTags: true));
    }

    private static async Task<Results<Ok<TelemetrySeries>, ValidationProblem, ProblemHttpResult>> GetTelemetryAsync(
        string code, string? tag, DateTimeOffset? from, DateTimeOffset? to, int? maxPoints, TelemetryQueryService telemetry, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(tag))
            errors["tag"] = ["Give the tag to read, e.g. ?tag=temperature."];
        // Checked before any arithmetic: an hour before 0001-01-01 cannot be represented.
        foreach (var (name, value) in new[] { ("from", from), ("to", to) })
        {
            if (value is { } time && (time < TelemetryQueryService.Earliest || time > TelemetryQueryService.Latest))
                errors[name] = [$"A time between {TelemetryQueryService.Earliest:yyyy-MM-dd} and {TelemetryQueryService.Latest:yyyy-MM-dd} (UTC), e.g. 2026-12-05T08:00:00Z."];
        }
        var inCalendar = errors.Count == 0 || errors.Keys.SequenceEqual(["tag"]);
        var end = inCalendar ? to ?? clock.GetUtcNow() : default;
        var start = inCalendar ? from ?? end.AddHours(-1) : default;
        if (inCalendar && end <= start)
            errors["to"] = ["The end of the range must be after its start."];
        else if (inCalendar && end - start > TelemetryQueryService.MaxRange)
            errors["from"] = [$"A range may span at most {TelemetryQueryService.MaxRange.TotalDays:0} days."];
        if (maxPoints is < 10 or > 5_000)
            errors["maxPoints"] = ["Between 10 and 5,000 points."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The telemetry request is not valid");
        var series = await telemetry.GetSeriesAsync(code, tag!, start, end, maxPoints ?? TelemetryQueryService.DefaultMaxPoints, cancellationToken);
        return series is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Equipment or tag not found", detail: $"There is no tag '{tag}' on equipment '{code}'.")
            : TypedResults.Ok(series);
    }

    private static async Task<Ok<IReadOnlyList<QuarantinedMessage>>> GetQuarantineAsync(int? take, QuarantineQueryService quarantine, CancellationToken cancellationToken) =>
        TypedResults.Ok(await quarantine.LatestAsync(take ?? 100, cancellationToken));

    private static ProblemHttpResult NotFound(string code) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Equipment not found", detail: $"There is no equipment with the code '{code}'.");

    private static IEnumerable<(PlantOverview Site, AreaOverview Area, LineOverview Line, EquipmentOverview Equipment)> Flatten(IEnumerable<PlantOverview> sites) =>
        from site in sites from area in site.Areas from line in area.Lines from equipment in line.Equipment select (site, area, line, equipment);

    private static EquipmentResource ToResource((PlantOverview Site, AreaOverview Area, LineOverview Line, EquipmentOverview Equipment) at, LivePlant live, string root, bool withTags)
    {
        var e = at.Equipment;
        var state = live.Find(e.Code);
        var units = e.Tags.ToDictionary(t => t.Name, t => t.Unit);
        var values = (state?.Latest() ?? new Dictionary<string, TagLiveValue>())
            .Where(v => units.ContainsKey(v.Key))
            .ToDictionary(v => v.Key, v => new LatestValue(v.Value.Value, units[v.Key], v.Value.At));
        return new EquipmentResource(e.Code, e.Name, e.Class, at.Site.SiteCode, at.Area.Code, at.Line.Code,
            DeviceTopic.BaseOf(root, at.Site.SiteCode, at.Area.Code, at.Line.Code, e.Code),
            state?.State ?? e.State, state?.StateSince ?? e.StateSince, state is { State: not null } ? state.StateReason : e.StateReason,
            values,
            withTags ? e.Tags.Select(t => new TagResource(t.Name, t.Description, t.Unit, t.NormalLow, t.NormalHigh, t.AlarmLow, t.AlarmHigh)).ToList() : null,
            e.Status, e.ReasonsNotUsable);
    }
}
