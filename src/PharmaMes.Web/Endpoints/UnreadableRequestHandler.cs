using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// A request the API could not read (malformed JSON, a value of the wrong type, a missing body) is the
/// caller's 400, answered as a validation problem that names the field and what was expected there,
/// e.g. <c>"$.dueDate": ["expected a date like 2026-12-05"]</c>, not a bare "Bad Request".
/// </summary>
internal sealed class UnreadableRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        var problem = new HttpValidationProblemDetails { Status = bad.StatusCode, Title = "The request could not be read" };
        if (bad.InnerException is JsonException json)
        {
            var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
            // The handler runs after the endpoint was cleared from the context; the feature keeps it.
            var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
            var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            problem.Errors[path] = [JsonExpectation.At(bodyType, path, json)];
            problem.Detail = "The body is not the JSON this endpoint expects; see errors.";
        }
        else
        {
            problem.Detail = bad.Message;
        }
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }
}
