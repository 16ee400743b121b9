using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using PharmaMes.Domain.Audit;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// <c>/api/v1/audit</c>: the audit trail for the people who review it, as pages or a CSV export,
/// and the verification of its hash chain, which machine clients may ask for too.
/// </summary>
public static class AuditApi
{
    // Further pages would skip past the largest count the database can be asked for.
    private const int MaxPage = int.MaxValue / AuditTrailService.MaxPageSize;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/audit").WithTags("Audit");
        api.MapGet("", ListAsync).WithName("ListAuditEntries").RequireAuthorization(Policies.AuditReader);
        api.MapGet("/export.csv", ExportAsync).WithName("ExportAuditTrail").RequireAuthorization(Policies.AuditReader);
        api.MapGet("/verify", VerifyAsync).WithName("VerifyAuditTrail").RequireAuthorization(Policies.AuditVerifier);
        return app;
    }

    // Query values arrive as text and are parsed here, so one answer names every bad field at once.
    private static async Task<Results<Ok<AuditPageResource>, ValidationProblem>> ListAsync(
        string? from, string? to, string? user, string? entityType, string? record, string? action, string? page, string? pageSize,
        AuditTrailService audit, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = ReadFilter(from, to, user, entityType, record, action, errors);
        var pageNumber = ReadInt(page, "page", 1, 1, MaxPage, $"A page number from 1 to {MaxPage:#,0}.", errors);
        var size = ReadInt(pageSize, "pageSize", 100, 1, AuditTrailService.MaxPageSize, $"Between 1 and {AuditTrailService.MaxPageSize} entries a page.", errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The audit trail request is not valid");
        var found = await audit.FindAsync(filter, pageNumber, size, cancellationToken);
        return TypedResults.Ok(new AuditPageResource(found.Entries.Select(AuditEntryResource.Of).ToList(), found.Total, found.Page, found.PageSize, found.Pages));
    }

    private static Results<PushStreamHttpResult, ValidationProblem> ExportAsync(
        string? from, string? to, string? user, string? entityType, string? record, string? action,
        AuditTrailService audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = ReadFilter(from, to, user, entityType, record, action, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The audit trail export is not valid");
        var name = $"audit-trail-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.csv";
        // Written to the response as it is read: a whole trail never sits in memory.
        return TypedResults.Stream(async body =>
        {
            await using var csv = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true) { NewLine = "\r\n" };
            await audit.ExportCsvAsync(filter, csv, cancellationToken);
        }, "text/csv; charset=utf-8", name);
    }

    private static async Task<Ok<AuditVerification>> VerifyAsync(AuditTrailService audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.VerifyAsync(cancellationToken));

    private static AuditFilter ReadFilter(string? from, string? to, string? user, string? entityType, string? record, string? action,
        Dictionary<string, string[]> errors)
    {
        var start = ReadTime(from, "from", errors);
        var end = ReadTime(to, "to", errors);
        if (start is not null && end is not null && end <= start)
            errors["to"] = ["The end of the range must be after its start."];
        AuditAction? kind = null;
        if (!string.IsNullOrWhiteSpace(action))
        {
            // By name only: a number would pass Enum.TryParse and mean nothing to the caller.
            var name = Enum.GetNames<AuditAction>().FirstOrDefault(n => string.Equals(n, action.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null)
                errors["action"] = [$"One of {string.Join(", ", Enum.GetNames<AuditAction>())}."];
            else
                kind = Enum.Parse<AuditAction>(name);
        }
        return new AuditFilter(start, end, Blank(user), Blank(entityType), Blank(record), kind);
    }

    /// <summary>An ISO 8601 time; one without an offset is read as UTC, the time of every audit entry.</summary>
    private static DateTimeOffset? ReadTime(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            return value.ToUniversalTime();
        errors[field] = ["Give a date and time such as 2026-11-25T08:00:00Z."];
        return null;
    }

    private static int ReadInt(string? text, string field, int fallback, int min, int max, string rule, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors[field] = [rule];
        return fallback;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
