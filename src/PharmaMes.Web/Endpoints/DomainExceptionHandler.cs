using Microsoft.AspNetCore.Diagnostics;
using PharmaMes.Domain.Common;
using PharmaMes.Infrastructure.Production;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// A broken plant rule is the caller's mistake (400 with the rule's message), not a server fault;
/// a batch or order that does not exist is a 404; a change refused because someone else changed the record meanwhile is a 409.
/// </summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException)
            return false;
        var (status, title) = exception switch
        {
            BatchNotFoundException => (StatusCodes.Status404NotFound, "No such batch"),
            OrderNotFoundException => (StatusCodes.Status404NotFound, "No such production order"),
            OrderStartedException => (StatusCodes.Status409Conflict, "The order can no longer be changed"),
            PharmaMes.Infrastructure.Persistence.ChangedMeanwhileException => (StatusCodes.Status409Conflict, "Changed by someone else meanwhile"),
            PharmaMes.Infrastructure.Planning.ImpactNotFoundException => (StatusCodes.Status404NotFound, "No such schedule impact"),
            _ => (StatusCodes.Status400BadRequest, "The request breaks a plant rule"),
        };
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = exception.Message },
        });
    }
}
