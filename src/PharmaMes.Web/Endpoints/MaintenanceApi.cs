using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Maintenance;
using PharmaMes.Infrastructure.Signatures;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// <c>/api/v1/equipment/{code}/logbook</c>, cleanings and calibrations, and <c>/api/v1/maintenance</c>:
/// the equipment's care for people and machine clients. Signed records need a person's own credentials.
/// </summary>
public static class MaintenanceApi
{
    public static IEndpointRouteBuilder MapMaintenanceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Maintenance");
        api.MapGet("/equipment/{code}/logbook", GetLogbookAsync).RequireAuthorization(Policies.PlantReader).WithName("GetEquipmentLogbook");
        api.MapGet("/maintenance", GetOverviewAsync).RequireAuthorization(Policies.EquipmentCare).WithName("GetMaintenanceOverview");
        api.MapPost("/equipment/{code}/cleanings", RecordCleaningAsync).RequireAuthorization(Policies.EquipmentCare).WithName("RecordCleaning");
        api.MapPost("/cleanings/{id:guid}/verify", VerifyCleaningAsync).RequireAuthorization(Policies.EquipmentCare).WithName("VerifyCleaning");
        api.MapPost("/cleanings/{id:guid}/refuse", RefuseCleaningAsync).RequireAuthorization(Policies.EquipmentCare).WithName("RefuseCleaning");
        api.MapPost("/equipment/{code}/calibrations", RecordCalibrationAsync).RequireAuthorization(Policies.Calibration).WithName("RecordCalibration");
        return app;
    }

    private static async Task<Results<Ok<EquipmentLogbook>, ValidationProblem, ProblemHttpResult>> GetLogbookAsync(
        string code, DateTimeOffset? from, DateTimeOffset? to, string? kind, EquipmentLogbookService logbooks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end.AddDays(-30);
        var errors = new Dictionary<string, string[]>();
        if (end < start)
            errors["to"] = ["The end of the period must not be before its start."];
        var kinds = new HashSet<LogbookEntryKind>();
        foreach (var part in (kind ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<LogbookEntryKind>(part, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
                kinds.Add(parsed);
            else
                errors["kind"] = [$"'{part}' is not a kind of logbook entry. Use {string.Join(", ", Enum.GetNames<LogbookEntryKind>())}, comma-separated."];
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The logbook request is not valid");
        var logbook = await logbooks.GetAsync(code, start, end, kinds, cancellationToken);
        return logbook is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such equipment", detail: $"There is no equipment '{code}'.")
            : TypedResults.Ok(logbook);
    }

    private static async Task<Ok<MaintenanceOverview>> GetOverviewAsync(MaintenanceOverviewService overview, CancellationToken cancellationToken) =>
        TypedResults.Ok(await overview.GetAsync(cancellationToken));

    private static async Task<Results<Created<RecordCreated>, ValidationProblem>> RecordCleaningAsync(
        string code, CleaningRequest request, CleaningService cleaning, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Method is null)
            errors["method"] = ["Give the cleaning method: Minor, Major or ProductChangeover."];
        if (request.CleanedAt is null)
            errors["cleanedAt"] = ["Give when the cleaning was finished, ISO-8601 with an offset."];
        else if (CleaningRecord.FinishedInTheFuture(request.CleanedAt.Value, clock.GetUtcNow()) is { } future)
            errors["cleanedAt"] = [future];
        CheckSignature(request.Signature, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The cleaning is not valid");
        var id = await cleaning.RecordAsync(code, new CleaningEntry(request.Method!.Value, request.CleaningAgent, request.CleanedAt!.Value, request.Comment),
            Credentials(request.Signature!), AuditActor.Of(user), cancellationToken);
        return TypedResults.Created($"/api/v1/cleanings/{id}", new RecordCreated(id));
    }

    private static async Task<Results<NoContent, ValidationProblem>> VerifyCleaningAsync(
        Guid id, CleaningVerificationRequest request, CleaningService cleaning, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        CheckSignature(request.Signature, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The verification is not valid");
        await cleaning.VerifyAsync(id, Credentials(request.Signature!), AuditActor.Of(user), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem>> RefuseCleaningAsync(
        Guid id, CleaningVerificationRequest request, CleaningService cleaning, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Reason))
            errors["reason"] = ["Say what is not clean."];
        CheckSignature(request.Signature, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The refusal is not valid");
        await cleaning.RefuseAsync(id, request.Reason!, Credentials(request.Signature!), AuditActor.Of(user), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CalibrationRecorded>, ValidationProblem>> RecordCalibrationAsync(
        string code, CalibrationRequest request, CalibrationService calibration, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Passed is null)
            errors["passed"] = ["Say whether the calibration passed (true) or failed (false)."];
        if (request.CalibratedOn is null)
            errors["calibratedOn"] = ["Give the day of the calibration (yyyy-MM-dd)."];
        else if (request.Passed is { } passed)
            foreach (var (property, message) in CalibrationRecord.DateProblems(passed, request.CalibratedOn.Value, request.NextDueOn, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
                errors[JsonNamingPolicy.CamelCase.ConvertName(property)] = [message];
        CheckSignature(request.Signature, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The calibration is not valid");
        var raised = await calibration.RecordAsync(code, new CalibrationEntry(request.Instrument ?? "", request.ReferenceStandard ?? "", request.StandardCertificate ?? "",
                request.AsFound ?? "", request.AsLeft ?? "", request.Passed!.Value, request.CalibratedOn!.Value, request.NextDueOn, request.Comment),
            Credentials(request.Signature!), AuditActor.Of(user), cancellationToken);
        return TypedResults.Ok(new CalibrationRecorded(raised));
    }

    private static void CheckSignature(SignatureRequestBody? signature, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(signature?.UserName) || string.IsNullOrEmpty(signature.Password))
            errors["signature"] = ["Sign with your own user name and password: {\"signature\":{\"userName\":\"…\",\"password\":\"…\"}}."];
    }

    private static SignatureCredentials Credentials(SignatureRequestBody signature) => new(signature.UserName, signature.Password);
}

/// <summary>The id of a record just created.</summary>
public sealed record RecordCreated(Guid Id);

/// <summary>A calibration recorded, with the quality exceptions a failure raised.</summary>
public sealed record CalibrationRecorded(IReadOnlyList<string> QualityExceptionsRaised);
