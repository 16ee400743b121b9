using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http.HttpResults;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// <c>/api/v1/batches</c>: batches, their steps and their electronic batch record, as JSON or as an
/// ISA-88 BatchML batch production record, for people in a plant role and machine clients.
/// </summary>
public static class BatchApi
{
    public const string XmlContentType = "application/xml";

    public static IEndpointRouteBuilder MapBatchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/batches").RequireAuthorization(Policies.PlantReader).WithTags("Batches");
        api.MapGet("", ListAsync).WithName("ListBatches");
        api.MapGet("/{number}", GetAsync).WithName("GetBatch");
        api.MapGet("/{number}/record", GetRecordAsync).WithName("GetBatchRecord");
        api.MapGet("/{number}/batchml", ExportAsync).WithName("ExportBatchMl")
            .Produces(StatusCodes.Status200OK, contentType: XmlContentType);
        return app;
    }

    private static async Task<Ok<List<BatchSummaryResource>>> ListAsync(BatchReviewService review, CancellationToken cancellationToken) =>
        TypedResults.Ok((await review.ListAsync(cancellationToken)).Select(BatchSummaryResource.Of).ToList());

    private static async Task<Results<Ok<BatchResource>, ProblemHttpResult>> GetAsync(string number, BatchReviewService review, CancellationToken cancellationToken) =>
        await FindAsync(number, review, cancellationToken) is { } record ? TypedResults.Ok(BatchResource.Of(record)) : NotFound(number);

    private static async Task<Results<Ok<BatchRecordResource>, ProblemHttpResult>> GetRecordAsync(string number, BatchReviewService review, CancellationToken cancellationToken) =>
        await FindAsync(number, review, cancellationToken) is { } record ? TypedResults.Ok(BatchRecordResource.Of(record)) : NotFound(number);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(string number, BatchReviewService review, CancellationToken cancellationToken) =>
        await FindAsync(number, review, cancellationToken) is { } record
            ? TypedResults.File(Utf8(BatchMlExporter.Export(record)), XmlContentType, $"{record.Batch.Number}.batchml.xml")
            : NotFound(number);

    /// <summary>The record of the batch, or null when no batch has that number (including text that cannot be a batch number).</summary>
    private static async Task<BatchRecordView?> FindAsync(string number, BatchReviewService review, CancellationToken cancellationToken)
    {
        if (BatchNumber.TryParse(number) is null)
            return null;
        try
        {
            return await review.GetRecordAsync(number, cancellationToken);
        }
        catch (BatchNotFoundException)
        {
            return null;
        }
    }

    private static ProblemHttpResult NotFound(string number) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Batch not found", detail: $"There is no batch with the number '{number}'.");

    /// <summary>The document as UTF-8 without a byte order mark, with the declaration that says so.</summary>
    private static byte[] Utf8(XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            document.Save(writer);
        return stream.ToArray();
    }
}
