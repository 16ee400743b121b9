using Microsoft.AspNetCore.Diagnostics;
using PharmaMes.Domain.Common;

namespace PharmaMes.Web.Endpoints;

/// <summary>A broken plant rule is the caller's mistake (400 with the rule's message), not a server fault.</summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException)
            return false;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status400BadRequest, Title = "The request breaks a plant rule", Detail = exception.Message },
        });
    }
}
