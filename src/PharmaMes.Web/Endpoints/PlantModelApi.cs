using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Plant;
using PharmaMes.Infrastructure.Plant.Model;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// <c>/api/v1/plant/model</c> (B2MML EquipmentInformation or JSON) and <c>/api/v1/plant/tags.csv</c>:
/// the plant model out and in, for administrators. An upload is checked whole first; with any error
/// nothing changes and every error is named; otherwise it is applied in one transaction, audited
/// with the reason given in <c>X-Change-Reason</c> or <c>?reason=</c>. Nothing is ever deleted.
/// </summary>
public static class PlantModelApi
{
    public const string ReasonHeader = "X-Change-Reason";
    private const string Xml = "application/xml";
    private const string Csv = "text/csv";

    public static IEndpointRouteBuilder MapPlantModelApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/plant").RequireAuthorization(Policies.Admin).WithTags("Plant model");
        api.MapGet("/model", GetModelAsync).WithName("GetPlantModel");
        api.MapPut("/model", PutModelAsync).WithName("PutPlantModel");
        api.MapGet("/tags.csv", GetTagsAsync).WithName("GetPlantTags");
        api.MapPut("/tags.csv", PutTagsAsync).WithName("PutPlantTags");
        return app;
    }

    private static async Task<Results<Ok<PlantModel>, ContentHttpResult>> GetModelAsync(HttpRequest request, PlantEngineeringService plant,
        CancellationToken cancellationToken)
    {
        var model = await plant.ExportAsync(cancellationToken);
        return WantsXml(request)
            ? TypedResults.Text(Text(PlantModelB2mml.Write(model)), Xml, Encoding.UTF8)
            : TypedResults.Ok(model);
    }

    private static async Task<ContentHttpResult> GetTagsAsync(PlantEngineeringService plant, CancellationToken cancellationToken) =>
        TypedResults.Text(PlantTagsCsv.Write(await plant.ExportAsync(cancellationToken)), Csv, Encoding.UTF8);

    private static async Task<Results<Ok<PlantImportResource>, ValidationProblem, ProblemHttpResult>> PutModelAsync(HttpRequest request, string? reason,
        PlantEngineeringService plant, B2mmlSchema schema, IOptions<JsonOptions> json, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (ReasonOf(request, reason) is not { } why)
            return NoReason();
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        PlantModel model;
        if (request.ContentType?.Contains("xml", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (!schema.Available)
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The B2MML schemas are not installed",
                    detail: "An uploaded model is checked against the MESA B2MML schemas first; set B2mml:SchemaFolder to their folder.");
            var schemaErrors = schema.Validate(body);
            if (schemaErrors.Count > 0)
                return Refused("The plant model is not valid B2MML", schemaErrors);
            model = PlantModelB2mml.Read(B2mmlSchema.Parse(body), errors);
        }
        else
        {
            try
            {
                model = JsonSerializer.Deserialize<PlantModel>(body, json.Value.SerializerOptions) ?? new PlantModel([]);
            }
            catch (JsonException ex)
            {
                return Refused("The plant model is not valid JSON", new Dictionary<string, string[]> { [ex.Path ?? "$"] = [ex.Message] });
            }
        }
        return Answer(await plant.ImportAsync(model, AuditActor.Of(user, why), errors, cancellationToken));
    }

    private static async Task<Results<Ok<PlantImportResource>, ValidationProblem, ProblemHttpResult>> PutTagsAsync(HttpRequest request, string? reason,
        PlantEngineeringService plant, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (ReasonOf(request, reason) is not { } why)
            return NoReason();
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var model = PlantTagsCsv.Read(body, await plant.ExportAsync(cancellationToken), errors);
        return Answer(await plant.ImportAsync(model, AuditActor.Of(user, why), errors, cancellationToken));
    }

    private static Results<Ok<PlantImportResource>, ValidationProblem, ProblemHttpResult> Answer(PlantImportResult result) =>
        result.Applied
            ? TypedResults.Ok(new PlantImportResource(result.Added, result.Changed, result.EquipmentNotInFile))
            : Refused("The plant model has errors; nothing was changed", result.Errors);

    private static ValidationProblem Refused(string title, IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: title);

    private static ValidationProblem NoReason() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"{PlantEngineeringService.ReasonRequired} Send it in the {ReasonHeader} header or ?reason=."] },
            title: "A plant change needs a reason");

    private static string? ReasonOf(HttpRequest request, string? query) =>
        request.Headers[ReasonHeader].ToString() is { Length: > 0 } header && !string.IsNullOrWhiteSpace(header) ? header.Trim()
        : string.IsNullOrWhiteSpace(query) ? null : query.Trim();

    private static bool WantsXml(HttpRequest request) =>
        request.Headers.Accept.ToString() is var accept
        && (accept.Contains(Xml, StringComparison.OrdinalIgnoreCase) || accept.Contains("text/xml", StringComparison.OrdinalIgnoreCase));

    private static string Text(System.Xml.Linq.XDocument document) => document.Declaration + "\n" + document;
}
